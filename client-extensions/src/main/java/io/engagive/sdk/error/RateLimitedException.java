package io.engagive.sdk.error;

import java.time.Duration;
import java.util.Optional;

/** The API asked the client to slow down (429); {@link #retryAfter()} says for how long when it told. */
public final class RateLimitedException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param retryAfter the server's Retry-After, or null
     */
    public RateLimitedException(String message, ErrorContext context, Duration retryAfter) {
        super(message, context, null);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait, when it sent Retry-After */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
