package io.engagive.sdk.error;

import java.time.Duration;
import java.util.Optional;

/** The API asked the client to slow down (429); {@link #retryAfter()} says for how long when it told. */
public final class RateLimitedException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the rate limited exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     */
    public RateLimitedException(String message, ErrorContext context) {
        super(message, context, null);
    }

    /**
     * Returns how long the server asked to wait, when it sent Retry-After.
     *
     * @return how long the server asked to wait, when it sent Retry-After
     */
    public Optional<Duration> retryAfter() {
        return context().retryAfter();
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
