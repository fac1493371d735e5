package io.engagive.sdk.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntUnaryOperator;

/**
 * Sends one HTTP request and returns its response, for the client's pipeline; implementations are thread-safe and
 * shared by every call of a client.
 *
 * <p>The contract every transport keeps (a compatibility kit checks it):
 * <ul>
 *   <li>each request is written to the network at most once: no resend after a dropped or stale connection, no
 *       redirect followed, no authentication challenge answered with the request's own {@code Authorization};</li>
 *   <li>every wait (for a connection, the response headers, each part of the body) lasts at most the read timeout
 *       ({@link TransportCall#nextWait()} bounds it by the deadline too); a wait that runs out is a
 *       {@link TransportTimeoutException} or the socket's {@link java.net.SocketTimeoutException}, and the exchange is
 *       aborted when the client cancels the attempt ({@link TransportCall#onCancel}) — the client does at the
 *       deadline;</li>
 *   <li>a failure before anything was written is a {@link java.net.ConnectException},
 *       {@link java.net.UnknownHostException}, {@link java.net.NoRouteToHostException},
 *       {@link javax.net.ssl.SSLHandshakeException} or a {@link TransportTimeoutException} that says so; any other
 *       {@link IOException} means the request may have reached the server;</li>
 *   <li>nothing of the request (its {@code Authorization} above all) appears in a log, an exception message or a
 *       {@code toString()}.</li>
 * </ul>
 */
@FunctionalInterface
public interface HttpTransport {

    /**
     * Sends the request once and returns the response as soon as its status and headers have arrived; the body is
     * read by the caller, who closes the response.
     *
     * @param request what to send
     * @param call this attempt's timing, number and cancellation
     * @return the response, its body still to be read
     * @throws IOException when no response came (see the interface's contract for what each kind means)
     */
    TransportResponse execute(TransportRequest request, TransportCall call) throws IOException;

    /**
     * Sends the request once without holding the caller's thread, for the client's asynchronous view: the future
     * completes with the response once its body has been read into memory ({@link TransportResponse#readFully}), at
     * most {@code bodyLimit.applyAsInt(status)} bytes of it and one more to show there were more, or fails with the
     * {@link IOException} {@link #execute} would have thrown (wrapped in a {@link CompletionException}), on a thread of
     * {@code blocking}. The same contract holds: sent at most once, every wait bounded, the exchange aborted when the
     * attempt is cancelled.
     *
     * <p>This default runs {@link #execute} and the read on {@code blocking}, taking one of its threads for the whole
     * exchange; an attempt cancelled while it waits for a thread is never sent, and one whose deadline passed
     * meanwhile fails as a deadline that sent nothing. A transport whose library sends asynchronously (java.net.http's
     * {@code sendAsync}, OkHttp's {@code enqueue}) overrides it so that no thread waits for the network.
     *
     * @param request what to send
     * @param call this attempt's timing, number and cancellation
     * @param bodyLimit the most bytes of the body the caller will use, by the response's status
     * @param blocking where blocking work may run
     * @return the response with its body in memory
     */
    default CompletableFuture<TransportResponse> executeAsync(TransportRequest request, TransportCall call,
            IntUnaryOperator bodyLimit, Executor blocking) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (call.isCancelled() || call.deadlinePassed()) {
                    throw call.deadlinePassed() ? TransportTimeoutException.deadline(false)
                            : new InterruptedIOException("the call was cancelled before it was sent");
                }
                TransportResponse response = execute(request, call);
                return response.readFully(bodyLimit.applyAsInt(response.status()));
            } catch (IOException failed) {
                throw new CompletionException(failed);
            } catch (UncheckedIOException failed) {
                throw new CompletionException(failed.getCause());
            }
        }, blocking);
    }

    /**
     * Tells whether the underlying HTTP library may send an idempotent request once more by itself when its
     * connection closes before any response byte (java.net.http does); the client then counts such an attempt twice,
     * so the requests on the wire never exceed the retry policy's attempts plus that one resend. A request that is not
     * idempotent is never resent by any transport.
     *
     * @return false unless the library resends idempotent requests on its own
     */
    default boolean resendsIdempotentRequests() {
        return false;
    }
}
