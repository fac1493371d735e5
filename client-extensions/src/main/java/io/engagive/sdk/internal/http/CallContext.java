package io.engagive.sdk.internal.http;

import feign.Request;
import io.engagive.sdk.internal.auth.AccessToken;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of one call: its operation, the token it checked and the call's deadline. It travels
 * with the request as Feign's per-call {@link Request.Options}, so the transport, the logger and
 * the decoders each receive it from the request they handle, never from a thread-local.
 */
final class CallContext extends Request.Options {

    private final Operation operation;
    private final AccessToken token;
    private final Timing timing;
    private final long deadlineNanos;
    private volatile int status;
    private volatile Map<String, Collection<String>> responseHeaders;

    CallContext(Operation operation, AccessToken token, Duration connectTimeout, Duration readTimeout,
            Timing timing, long deadlineNanos) {
        super(connectTimeout, readTimeout, false);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.token = token;
        this.timing = Objects.requireNonNull(timing, "timing");
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * The context of a request sent without one (not through the client's invocation handler):
     * no token to redact and no deadline beyond the timeouts.
     */
    static CallContext of(Request.Options options, Request request) {
        if (options instanceof CallContext call) {
            return call;
        }
        String url = request.url();
        int query = url.indexOf('?');
        return new CallContext(Operation.unknown(request.httpMethod().name(), query < 0 ? url : url.substring(0, query)),
                null, Duration.ofMillis(options.connectTimeoutMillis()), Duration.ofMillis(options.readTimeoutMillis()),
                Timing.system(), System.nanoTime() + Duration.ofDays(1).toNanos());
    }

    /** Records the response's status and headers, for the call's listener. */
    void responded(int responseStatus, Map<String, Collection<String>> headers) {
        this.status = responseStatus;
        this.responseHeaders = headers;
    }

    /** Returns the response's status, or 0 when none came. */
    int status() {
        return status;
    }

    /** Returns the response's redacted request id, or null; read only when a listener asks. */
    String requestId() {
        Map<String, Collection<String>> headers = responseHeaders;
        return headers == null ? null : ResponseHeaders.requestId(headers, token);
    }

    Operation operation() {
        return operation;
    }

    Optional<AccessToken> token() {
        return Optional.ofNullable(token);
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    Duration readTimeoutDuration() {
        return Duration.ofMillis(readTimeoutMillis());
    }

    /**
     * Returns the longest a single wait may take now: the read timeout, cut to what is left of the
     * call's deadline.
     *
     * @throws HttpTimeoutException when the deadline has passed
     */
    Duration nextWait() throws HttpTimeoutException {
        long left = deadlineNanos - timing.nanoTime();
        if (left <= 0) {
            throw new DeadlineExceededException(true);
        }
        return Duration.ofNanos(Math.min(left, readTimeoutDuration().toNanos()));
    }

    /** Tells whether the call's deadline has passed. */
    boolean deadlinePassed() {
        return deadlineNanos - timing.nanoTime() <= 0;
    }

    /** The call's overall deadline passed while it waited for the server. */
    static final class DeadlineExceededException extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;
        private final boolean sent;

        DeadlineExceededException(boolean sent) {
            super("the call's deadline passed");
            this.sent = sent;
        }

        /** Tells whether the request had been handed to the network when the deadline passed. */
        boolean sent() {
            return sent;
        }
    }
}
