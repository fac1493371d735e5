package io.engagive.sdk.error;

/** The response was not the Engagive envelope: an HTML page from a proxy, an empty or truncated body, an oversized body, or JSON of the wrong shape. */
public final class UnexpectedResponseException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the unexpected response exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param cause the underlying cause, or null
     */
    public UnexpectedResponseException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
