package io.engagive.sdk.internal.jdk;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches bodies that java.net.http is still delivering while their caller waits in {@code send}: one daemon thread
 * per transport looks at each body every {@value #TICK_MILLIS} ms and stops the one whose server went quiet for a read
 * timeout or whose deadline passed. Adding a body never wakes a thread, so a call costs no thread hand-off; the thread
 * ends after a second with nothing to watch and is started again when needed.
 */
final class StallWatch {

    /** How often a watched body is looked at: the precision of a stalled body's timeout. */
    static final long TICK_MILLIS = 10;

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A body under watch. */
    interface Watched {

        /**
         * Tells whether the body needs no more watching (it arrived whole, failed or was given up).
         *
         * @return true once settled
         */
        boolean settled();

        /**
         * Stops the body if its server went quiet too long or its deadline passed.
         *
         * @param nowNanos {@link System#nanoTime()} at this look
         */
        void check(long nowNanos);
    }

    private final Queue<Watched> watched = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Thread> watcher = new AtomicReference<>();
    private final String name;

    StallWatch(String name) {
        this.name = name;
    }

    /** Watches a body until it is settled. */
    void watch(Watched body) {
        watched.add(body);
        Thread current = watcher.get();
        if (current == null) {
            Thread started = new Thread(this::run, name);
            started.setDaemon(true);
            if (watcher.compareAndSet(null, started)) {
                started.start();
            }
        }
    }

    private void run() {
        long idleSince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            for (Iterator<Watched> bodies = watched.iterator(); bodies.hasNext(); ) {
                Watched body = bodies.next();
                body.check(now);
                if (body.settled()) {
                    bodies.remove();
                }
            }
            if (!watched.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince >= IDLE_NANOS) {
                watcher.set(null);
                if (watched.isEmpty() || !watcher.compareAndSet(null, Thread.currentThread())) {
                    return;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
    }

    @Override
    public String toString() {
        return "StallWatch{" + name + ", watching " + watched.size() + "}";
    }
}
