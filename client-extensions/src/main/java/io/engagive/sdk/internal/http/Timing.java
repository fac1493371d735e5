package io.engagive.sdk.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Where the client reads elapsed time and how it waits between attempts: the system's by default,
 * a test's own when injected, so retry timing can be checked exactly without waiting for real.
 */
public interface Timing {

    /**
     * Returns a monotonic time in nanoseconds, as {@link System#nanoTime()}.
     *
     * @return the current time
     */
    long nanoTime();

    /**
     * Waits for a time.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Runs a task on an executor once a time has passed, holding no thread while it waits: the asynchronous view's
     * wait between attempts.
     *
     * @param delay how long to wait
     * @param executor where the task runs
     * @param task what to run
     */
    default void schedule(Duration delay, Executor executor, Runnable task) {
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor).execute(task);
    }

    /**
     * Returns the system's time and {@link Thread#sleep}.
     *
     * @return the real timing
     */
    static Timing system() {
        return SystemTiming.INSTANCE;
    }

    /** The system's time and sleep. */
    enum SystemTiming implements Timing {
        /** The one instance. */
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    }
}
