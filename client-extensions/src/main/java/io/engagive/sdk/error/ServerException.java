package io.engagive.sdk.error;

/** The Engagive server failed (a 5xx other than 502); the same call may succeed later. */
public final class ServerException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the server exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param cause the underlying cause, or null
     */
    public ServerException(String message, ErrorContext context, Throwable cause) {
        super(message, context, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
