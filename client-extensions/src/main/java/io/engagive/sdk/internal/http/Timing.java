package io.engagive.sdk.internal.http;

import java.time.Duration;

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
