package io.engagive.sdk.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The sender's time: what time it is and waiting for a time; tests replace it so nothing waits on the wall clock. */
interface Pace {

    /** The system's clock and {@link Thread#sleep}. */
    Pace SYSTEM = new Pace() {
        private final Clock clock = Clock.systemUTC();

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public void waitUntil(Instant time) throws InterruptedException {
            Duration left = Duration.between(now(), time);
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(left.toMillis(), left.toNanosPart() % 1_000_000);
            }
        }
    };

    Instant now();

    /** Returns at {@code time} or later, at once when it has passed. */
    void waitUntil(Instant time) throws InterruptedException;
}
