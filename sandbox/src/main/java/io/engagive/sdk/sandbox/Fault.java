package io.engagive.sdk.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour the sandbox injects on a route, for resilience tests: an upstream (Meta) 502, a
 * 429 with Retry-After, a 503, a delay, a dropped connection, a proxy's HTML page, or any reply.
 */
public final class Fault {

    /** The Meta error code {@link #metaError()} carries: 131026, "Message Undeliverable". */
    public static final long DEFAULT_META_ERROR_CODE = 131026;

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Duration delay;
    private final boolean dropConnection;
    private final boolean fromApi;
    private final String description;

    private Fault(int status, Map<String, String> headers, byte[] body, Duration delay, boolean dropConnection,
            boolean fromApi, String description) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.delay = delay;
        this.dropConnection = dropConnection;
        this.fromApi = fromApi;
        this.description = description;
    }

    /**
     * Returns a 502 whose envelope carries Meta's error 131026 ("Message Undeliverable") in {@code metaResponse}.
     *
     * @return a 502 whose envelope carries a Meta error in {@code metaResponse}
     */
    public static Fault metaError() {
        return metaError(DEFAULT_META_ERROR_CODE);
    }

    /**
     * Returns a 502 whose envelope carries Meta's error with this code, titled as Meta titles it,
     * with {@code error_data.details} and an {@code fbtrace_id}, as Engagive passes Meta's refusals on.
     *
     * @param code Meta's error code, e.g. 131047 (re-engagement window) or 130429 (throughput limit)
     * @return the fault
     */
    public static Fault metaError(long code) {
        String body = MetaErrors.body(code, "injected by the sandbox").toString();
        return new Fault(502, json(), bytes(body), Duration.ZERO, false, true, "502 Meta error " + code);
    }

    /**
     * Rate limited.
     *
     * @param retryAfter the Retry-After to send
     * @return a 429 with Retry-After in whole seconds
     */
    public static Fault rateLimited(Duration retryAfter) {
        Map<String, String> headers = Map.of("Content-Type", "application/json",
                "Retry-After", Long.toString(retryAfter.toSeconds()));
        return new Fault(429, headers, bytes("{\"success\":false,\"statusCode\":429,\"message\":\"Too many requests\"}"),
                Duration.ZERO, false, true, "429 Retry-After " + retryAfter.toSeconds() + "s");
    }

    /**
     * Returns a 503 with the error envelope.
     *
     * @return a 503 with the error envelope
     */
    public static Fault unavailable() {
        return new Fault(503, json(), bytes("{\"success\":false,\"statusCode\":503,\"message\":\"Service unavailable\"}"),
                Duration.ZERO, false, true, "503");
    }

    /**
     * Delay.
     *
     * @param delay how long to wait before answering normally
     * @return a delay, after which the route answers as usual
     */
    public static Fault delay(Duration delay) {
        return new Fault(0, Map.of(), new byte[0], Objects.requireNonNull(delay, "delay"), false, true,
                "delay " + delay.toMillis() + "ms");
    }

    /**
     * Returns a connection closed without any answer.
     *
     * @return a connection closed without any answer
     */
    public static Fault dropConnection() {
        return new Fault(0, Map.of(), new byte[0], Duration.ZERO, true, false, "dropped connection");
    }

    /**
     * Html error page.
     *
     * @param status the status the proxy answers with, e.g. 502
     * @return an HTML error page, as a reverse proxy or gateway sends it
     */
    public static Fault htmlErrorPage(int status) {
        return new Fault(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                bytes("<html><head><title>" + status + " Bad Gateway</title></head><body><center><h1>" + status
                        + " Bad Gateway</h1></center><hr><center>nginx</center></body></html>"),
                Duration.ZERO, false, false, "HTML error page " + status);
    }

    /**
     * Any JSON reply presented as the API's own (and so checked against the spec).
     *
     * @param status the status
     * @param json the body
     * @return the fault
     */
    public static Fault reply(int status, String json) {
        return new Fault(status, json(), bytes(json), Duration.ZERO, false, true, "reply " + status);
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    boolean isDelayOnly() {
        return status == 0 && !dropConnection;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body.clone();
    }

    Duration delay() {
        return delay;
    }

    boolean dropsConnection() {
        return dropConnection;
    }

    boolean isFromApi() {
        return fromApi;
    }

    @Override
    public String toString() {
        return "Fault[" + description + "]";
    }
}
