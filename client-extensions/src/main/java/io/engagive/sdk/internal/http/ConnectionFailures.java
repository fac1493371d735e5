package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what a transport threw (or a body read failed with) into a {@link ConnectionException} that says whether the
 * request may have reached the server, and what to do; the cause is kept only as a redacted stand-in.
 */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * Returns the typed failure for an I/O failure of one attempt.
     *
     * @param cause what failed
     * @param operation the operation called
     * @param token the attempt's token, redacted from every message
     * @return the exception
     */
    static ConnectionException of(IOException cause, Operation operation, AccessToken token) {
        boolean neverSent = neverSent(cause);
        String what;
        if (cause instanceof TransportTimeoutException timeout && timeout.kind() == TransportTimeoutException.Kind.DEADLINE) {
            what = "did not answer within the call's deadline";
        } else if (cause instanceof SSLHandshakeException) {
            what = "could not be reached over TLS (the handshake failed)";
        } else if (timedOut(cause) && !neverSent) {
            what = "timed out waiting for the response";
        } else if (neverSent) {
            what = "could not be reached";
        } else {
            what = "exchange failed";
        }
        String consequence = neverSent
                ? "The request was not sent. Check the base URL, DNS, proxy and firewall"
                        + (cause instanceof SSLHandshakeException ? ", and give the builder an sslContext(...) "
                                + "that trusts the server's CA if it is a private one." : ".")
                : "The request may have reached the server"
                        + (operation.isIdempotent() ? "." : ": the message may or may not have "
                                + "been delivered, so it was not sent again; check before resending.");
        return new ConnectionException("The Engagive API " + what + " for " + operation + " ("
                + cause.getClass().getSimpleName() + optionalDetail(cause, token) + "). " + consequence,
                ErrorContext.forRequest(operation.httpMethod(), operation.pathTemplate()).build(), !neverSent,
                RedactedCause.of(cause, token));
    }

    /** What the transport contract says provably never left: no connection, no name, no TLS, or a timeout saying so. */
    private static boolean neverSent(IOException cause) {
        if (cause instanceof TransportTimeoutException timeout) {
            return !timeout.requestSent();
        }
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException;
    }

    /** Tells whether a failure was a wait that ran out, in any transport's vocabulary. */
    static boolean timedOut(Throwable cause) {
        return cause instanceof TransportTimeoutException || cause instanceof HttpTimeoutException
                || cause instanceof SocketTimeoutException;
    }

    private static String optionalDetail(IOException cause, AccessToken token) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? ""
                : ": " + SecretRedactor.redact(message, token).replaceAll("\\p{Cntrl}", " ");
    }
}
