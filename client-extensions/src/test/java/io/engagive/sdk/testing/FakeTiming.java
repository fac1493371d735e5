package io.engagive.sdk.testing;

import io.engagive.sdk.internal.http.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the client sleeps or schedules a wait, and remembers every wait, so retry timing is checked exactly and at once. */
public final class FakeTiming implements Timing {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now.addAndGet(duration.toNanos());
    }

    /** Records the wait and moves the clock on, then runs the task at once: the asynchronous view's wait, instant. */
    @Override
    public void schedule(Duration delay, Executor executor, Runnable task) {
        sleep(delay);
        executor.execute(task);
    }

    /** Moves the clock on, as if that much time passed while the client waited for the server. */
    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** Returns every wait the client asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
