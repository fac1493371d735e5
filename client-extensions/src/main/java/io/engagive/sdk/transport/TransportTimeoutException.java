package io.engagive.sdk.transport;

import java.io.InterruptedIOException;

/**
 * A wait ran out: for a connection (nothing was sent), for the server (the request may have reached it), or the
 * call's deadline.
 */
public final class TransportTimeoutException extends InterruptedIOException {

    private static final long serialVersionUID = 1L;

    /** Which wait ran out. */
    public enum Kind {
        /** No connection within the connect timeout; nothing was sent. */
        CONNECT,
        /** The server sent nothing for a whole read timeout. */
        READ,
        /** The call's deadline passed. */
        DEADLINE
    }

    /** Which wait ran out. */
    private final Kind kind;
    /** Whether any of the request may have been written to the network. */
    private final boolean requestSent;

    /**
     * Creates the exception.
     *
     * @param kind which wait ran out
     * @param requestSent whether any of the request may have been written to the network
     * @param message what ran out, without any request data
     */
    public TransportTimeoutException(Kind kind, boolean requestSent, String message) {
        super(message);
        this.kind = kind;
        this.requestSent = requestSent;
    }

    /**
     * Returns the exception for a connection that could not be made in time.
     *
     * @return the exception; nothing was sent
     */
    public static TransportTimeoutException connect() {
        return new TransportTimeoutException(Kind.CONNECT, false, "no connection within the connect timeout");
    }

    /**
     * Returns the exception for a server that stopped answering.
     *
     * @param waitedMillis how long the last wait lasted
     * @return the exception; the request may have been sent
     */
    public static TransportTimeoutException read(long waitedMillis) {
        return new TransportTimeoutException(Kind.READ, true, "the server sent nothing for " + waitedMillis + " ms");
    }

    /**
     * Returns the exception for a call whose deadline passed.
     *
     * @param requestSent whether any of the request may have been written to the network
     * @return the exception
     */
    public static TransportTimeoutException deadline(boolean requestSent) {
        return new TransportTimeoutException(Kind.DEADLINE, requestSent, "the call's deadline passed");
    }

    /**
     * Returns which wait ran out.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Tells whether any of the request may have been written to the network.
     *
     * @return false only when it provably was not
     */
    public boolean requestSent() {
        return requestSent;
    }
}
