package io.engagive.sdk.error;

/** No response came: the connection failed or timed out. */
public final class ConnectionException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /** Whether the server may have received the request. */
    private final boolean requestMayHaveReachedServer;

    /**
     * Creates the connection exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call (no status)
     * @param requestMayHaveReachedServer false only when the failure provably came before any byte was sent
     * @param cause the I/O failure
     */
    public ConnectionException(String message, ErrorContext context, boolean requestMayHaveReachedServer,
            Throwable cause) {
        super(message, context, cause);
        this.requestMayHaveReachedServer = requestMayHaveReachedServer;
    }

    /**
     * Whether the server may have received (and acted on) the request, as after a read timeout; a
     * message send that failed this way may or may not have been delivered.
     *
     * @return false only when the connection was never established
     */
    public boolean requestMayHaveReachedServer() {
        return requestMayHaveReachedServer;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
