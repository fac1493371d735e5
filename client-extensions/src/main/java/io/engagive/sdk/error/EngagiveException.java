package io.engagive.sdk.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every error the Engagive API or the network causes; catch this to handle them all, or a
 * subtype to handle one meaning.
 */
public abstract class EngagiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorContext context;

    /**
     * Creates the engagive exception.
     *
     * @param message the full, user-facing message (never containing the token)
     * @param context what is known about the failed call
     * @param cause the underlying cause, or null
     */
    protected EngagiveException(String message, ErrorContext context, Throwable cause) {
        super(message, cause);
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Returns everything known about the failed call.
     *
     * @return everything known about the failed call
     */
    public ErrorContext context() {
        return context;
    }

    /**
     * Returns the HTTP status, absent when no response came.
     *
     * @return the HTTP status, absent when no response came
     */
    public OptionalInt httpStatus() {
        return context.httpStatus();
    }

    /**
     * Returns the parsed error envelope, when the body was one.
     *
     * @return the parsed error envelope, when the body was one
     */
    public Optional<ErrorEnvelope> envelope() {
        return context.envelope();
    }

    /**
     * Returns the HTTP method of the failed request.
     *
     * @return the HTTP method of the failed request
     */
    public String method() {
        return context.method();
    }

    /**
     * Returns the path of the failed request, without query string.
     *
     * @return the path of the failed request, without query string
     */
    public String path() {
        return context.path();
    }

    /**
     * Returns the response's request id, when the server sent one.
     *
     * @return the response's request id, when the server sent one
     */
    public Optional<String> requestId() {
        return context.requestId();
    }

    /**
     * Returns whether retrying the same call later may succeed (rate limits, outages, network faults).
     *
     * @return whether retrying the same call later may succeed (rate limits, outages, network faults)
     */
    public abstract boolean isTransient();
}
