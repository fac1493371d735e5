package io.engagive.sdk.internal.http;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches what may outlive its time — attempts past the call's deadline, bodies whose server went quiet — with one
 * daemon thread that looks at each every {@value #TICK_MILLIS} ms and lets it stop itself. Adding one never wakes a
 * thread, so a call costs no thread hand-off; the thread ends after a second with nothing to watch and is started
 * again when needed.
 */
public final class Watchdog {

    /** How often each watched thing is looked at: the precision of the timeouts it enforces. */
    public static final long TICK_MILLIS = 10;

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Something under watch. */
    public interface Watched {

        /**
         * Tells whether it needs no more watching (it finished, failed or was given up).
         *
         * @return true once settled
         */
        boolean settled();

        /**
         * Stops it if its time ran out.
         *
         * @param nowNanos {@link System#nanoTime()} at this look
         */
        void check(long nowNanos);
    }

    private final Queue<Watched> watched = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Thread> watcher = new AtomicReference<>();
    private final String name;

    /**
     * Creates a watchdog; its thread starts with the first thing to watch.
     *
     * @param name the thread's name
     */
    public Watchdog(String name) {
        this.name = name;
    }

    /**
     * Watches something until it is settled.
     *
     * @param body what to watch
     */
    public void watch(Watched body) {
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
        return "Watchdog{" + name + ", watching " + watched.size() + "}";
    }
}
