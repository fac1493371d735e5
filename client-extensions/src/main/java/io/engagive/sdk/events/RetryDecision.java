package io.engagive.sdk.events;

import java.time.Duration;

/**
 * What the client decided after an attempt.
 *
 * @param retried whether the call is sent again
 * @param delay how long the client waits first (zero when not retried)
 * @param reason why, e.g. {@code "HTTP 503 on a GET"} or {@code "a POST is never re-sent once it may have arrived"}
 */
public record RetryDecision(boolean retried, Duration delay, String reason) {

    /**
     * Returns the decision not to send again.
     *
     * @param reason why not
     * @return the decision
     */
    public static RetryDecision no(String reason) {
        return new RetryDecision(false, Duration.ZERO, reason);
    }
}
