package io.engagive.sdk.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour the sandbox injects on a route, for resilience tests: an upstream (Meta) 502, a
 * 429 with Retry-After, a 503, a delay, a dropped or reset connection, a proxy's HTML page, or any reply
 * instead of serving the request; or, after serving it, its real answer lost, truncated, dripping, stalled,
 * with a lying {@code Content-Length} or with the token echoed in headers.
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
    private final Shape shape;
    private final boolean resets;

    private Fault(int status, Map<String, String> headers, byte[] body, Duration delay, boolean dropConnection,
            boolean fromApi, String description) {
        this(status, headers, body, delay, dropConnection, fromApi, description, null, false);
    }

    private Fault(int status, Map<String, String> headers, byte[] body, Duration delay, boolean dropConnection,
            boolean fromApi, String description, Shape shape, boolean resets) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.delay = delay;
        this.dropConnection = dropConnection;
        this.fromApi = fromApi;
        this.description = description;
        this.shape = shape;
        this.resets = resets;
    }

    /**
     * How a processed request's real answer reaches the wire: cut short, slowly, with a lying length, with the token
     * echoed, or not at all.
     */
    enum Shape {
        /** The headers and half the body, then the connection closed (HTTP/1.1) or the stream reset (HTTP/2). */
        CUT_SHORT {
            @Override
            void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace)
                    throws IOException {
                call.replyCutShort(status, headers, body, body.length / 2);
            }
        },
        /** The body in ten pieces with {@code pace} between them. */
        DRIPPING {
            @Override
            void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace)
                    throws IOException {
                call.replySlowly(status, headers, body, 10, pace);
            }
        },
        /** Half the body, a stall of {@code pace}, then the rest. */
        STALLED {
            @Override
            void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace)
                    throws IOException {
                call.replySlowly(status, headers, body, 2, pace);
            }
        },
        /** A {@code Content-Length} of half the body, then the whole body, then the connection closed (HTTP/1.1). */
        LYING_LENGTH {
            @Override
            void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace)
                    throws IOException {
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Lying\r\n");
                headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                head.append("Content-Length: ").append(body.length / 2).append("\r\nConnection: close\r\n\r\n");
                byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
                byte[] whole = new byte[start.length + body.length];
                System.arraycopy(start, 0, whole, 0, start.length);
                System.arraycopy(body, 0, whole, start.length, body.length);
                if (!call.replyRaw(whole)) {
                    CUT_SHORT.answer(call, status, headers, body, pace);
                }
            }
        },
        /** The real answer, whole, with the request's {@code Authorization} echoed in response headers. */
        TOKEN_ECHOED {
            @Override
            void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace)
                    throws IOException {
                call.reply(status, headers, body, false);
            }
        },
        /** No answer at all: the connection closed after the request was served. */
        LOST {
            @Override
            void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace) {
                call.drop(false);
            }
        };

        abstract void answer(ServerCall call, int status, Map<String, String> headers, byte[] body, Duration pace)
                throws IOException;
    }

    /**
     * Returns a connection reset (TCP RST) once the request has been read, before it is served: nothing was done.
     *
     * @return the fault
     */
    public static Fault resetConnection() {
        return new Fault(0, Map.of(), new byte[0], Duration.ZERO, true, false, "connection reset", null, true);
    }

    /**
     * Serves the request (a send is recorded) and then closes the connection without an answer: the client cannot
     * know whether it was done.
     *
     * @return the fault
     */
    public static Fault answerLost() {
        return served(Shape.LOST, Duration.ZERO, "answer lost after serving");
    }

    /**
     * Serves the request and sends half of its real answer, whose full length was declared, then breaks the
     * connection (HTTP/2: resets the stream).
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return served(Shape.CUT_SHORT, Duration.ZERO, "truncated body");
    }

    /**
     * Serves the request and sends its real answer in ten pieces, {@code pause} apart.
     *
     * @param pause the time between pieces
     * @return the fault
     */
    public static Fault drippingBody(Duration pause) {
        return served(Shape.DRIPPING, Objects.requireNonNull(pause, "pause"), "body dripping every "
                + pause.toMillis() + "ms");
    }

    /**
     * Serves the request and sends half of its real answer, then nothing for {@code stall}, then the rest.
     *
     * @param stall how long the body stops
     * @return the fault
     */
    public static Fault stalledBody(Duration stall) {
        return served(Shape.STALLED, Objects.requireNonNull(stall, "stall"), "body stalled " + stall.toMillis() + "ms");
    }

    /**
     * Serves the request and sends its real answer with a {@code Content-Length} of half its length, then closes the
     * connection (on HTTP/2, where the length cannot lie, the answer is cut short instead).
     *
     * @return the fault
     */
    public static Fault lyingContentLength() {
        return served(Shape.LYING_LENGTH, Duration.ZERO, "lying Content-Length");
    }

    /**
     * Serves the request and sends its real answer with the request's {@code Authorization} echoed in headers, as
     * given, in Base64 and percent-encoded, as a careless proxy or server might.
     *
     * @return the fault
     */
    public static Fault tokenEchoedInHeaders() {
        return served(Shape.TOKEN_ECHOED, Duration.ZERO, "token echoed in headers");
    }

    private static Fault served(Shape shape, Duration pace, String description) {
        return new Fault(0, Map.of(), new byte[0], pace, false, true, description, shape, false);
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
        return status == 0 && !dropConnection && shape == null;
    }

    /** The shape the real answer takes, or null when the fault replaces serving the request. */
    Shape shape() {
        return shape;
    }

    boolean resets() {
        return resets;
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
