package io.engagive.sdk.internal.http;

import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One attempt of a call: the request it sends (with the token the token interceptor set), what is left of the
 * deadline, the response's status and headers once they came, and the abort the transport registered. While it is on
 * the wire a {@link Watchdog} watches it and cancels it once the call's deadline passes, whatever the transport.
 */
final class Attempt implements TransportCall, Watchdog.Watched {

    private final Call call;
    private final int number;
    private final Duration readTimeout;
    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private final long startedNanos;
    private TransportRequest request;
    private AccessToken token;
    private boolean exchanged;
    private volatile int status;
    private volatile Map<String, List<String>> responseHeaders;
    private volatile Runnable abort;
    private volatile boolean cancelled;
    private volatile boolean finished;

    Attempt(Call call, int number, TransportRequest request, Duration readTimeout, long deadlineNanos) {
        this.call = call;
        this.number = number;
        this.request = request;
        this.readTimeout = readTimeout;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.deadlineNanos = deadlineNanos;
        this.startedNanos = call.timing().nanoTime();
    }

    Operation operation() {
        return call.operation();
    }

    /** Returns the request this attempt sends. */
    TransportRequest request() {
        return request;
    }

    /**
     * Sends the attempt with this token: the request gains the {@code Authorization} header, and the token is what
     * everything logged or thrown for the attempt is redacted of.
     */
    void authorize(AccessToken accessToken) {
        this.token = accessToken;
        this.request = request.withHeader("Authorization", accessToken.authorizationHeader());
    }

    /** Returns the attempt's token, or null before the token interceptor set one. */
    AccessToken token() {
        return token;
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Marks that the attempt went to the wire (the transport was asked to send it). */
    void exchanging() {
        exchanged = true;
    }

    /** Returns how long ago the attempt began (its token looked up, then the wire), by the call's {@link Timing}. */
    long nanosOnTheWire() {
        return call.timing().nanoTime() - startedNanos;
    }

    /** Tells whether the attempt went to the wire; one refused before that (an unusable token) was never sent. */
    boolean exchanged() {
        return exchanged;
    }

    /** Records the response's status and headers, for the call's listener. */
    void responded(int responseStatus, Map<String, List<String>> headers) {
        this.status = responseStatus;
        this.responseHeaders = headers;
    }

    /** Returns the response's status, or 0 when none came. */
    int status() {
        return status;
    }

    /** Returns the response's redacted request id, or null; read only when a listener asks. */
    String requestId() {
        Map<String, List<String>> headers = responseHeaders;
        return headers == null ? null : ResponseHeaders.requestId(headers, token);
    }

    @Override
    public int attempt() {
        return number;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - call.timing().nanoTime()));
    }

    @Override
    public Duration nextWait() throws TransportTimeoutException {
        long left = deadlineNanos - call.timing().nanoTime();
        if (left <= 0) {
            throw TransportTimeoutException.deadline(true);
        }
        return Duration.ofNanos(Math.min(left, readTimeoutNanos));
    }

    @Override
    public boolean deadlinePassed() {
        return deadlineNanos - call.timing().nanoTime() <= 0;
    }

    @Override
    public void onCancel(Runnable action) {
        abort = action;
        if (cancelled) {
            action.run();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Marks the attempt done: its response was read as far as it will be, or it failed. */
    void finish() {
        finished = true;
    }

    @Override
    public boolean settled() {
        return finished || cancelled;
    }

    /** Cancels the attempt once the call's deadline has passed, so no transport can wait past it. */
    @Override
    public void check(long nowNanos) {
        if (!settled() && deadlinePassed()) {
            cancel();
        }
    }

    /** Gives up on the attempt: the transport's registered abort runs (once), freeing the exchange's connection. */
    void cancel() {
        if (!cancelled) {
            cancelled = true;
            Runnable registered = abort;
            if (registered != null) {
                registered.run();
            }
        }
    }

    @Override
    public String toString() {
        return "Attempt{" + call.operation() + ", " + number + "}";
    }
}
