package io.engagive.sdk.internal.http;

import feign.Client;
import feign.Request;
import feign.Response;
import io.engagive.sdk.HttpLogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The client's transport: Feign requests over one shared, pooled, keep-alive
 * {@link java.net.http.HttpClient}, carrying the call's token as the only {@code Authorization}
 * header. Every wait is bounded by the read timeout and the call's deadline: java.net.http's own
 * request timeout for the response headers (connecting included), and the body's for each wait for
 * more of it. The exchange runs on the calling thread's {@code send}, with no extra hand-off.
 */
final class JdkHttpTransport implements Client {

    /** Headers java.net.http sets itself and refuses from callers, and the one this transport sets itself. */
    private static final Set<String> NOT_COPIED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "authorization", "user-agent");

    private final HttpClient http;
    private final ExchangeLog log;
    private final String userAgent;

    /**
     * Creates the transport.
     *
     * @param http the shared JDK client (its connect timeout and redirect policy apply)
     * @param logLevel how much of each exchange to log at DEBUG
     * @param maxLoggedLineLength the longest logged line; bodies are cut to it
     * @param userAgent the {@code User-Agent} header's value
     */
    JdkHttpTransport(HttpClient http, HttpLogLevel logLevel, int maxLoggedLineLength, String userAgent) {
        this.http = Objects.requireNonNull(http, "http");
        this.log = new ExchangeLog(logLevel, maxLoggedLineLength);
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        CallContext call = CallContext.of(options, request);
        Duration wait;
        try {
            wait = call.nextWait();
        } catch (CallContext.DeadlineExceededException beforeSending) {
            throw new CallContext.DeadlineExceededException(false);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(wait);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!NOT_COPIED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        builder.header("User-Agent", userAgent);
        call.token().ifPresent(token -> builder.header("Authorization", token.authorizationHeader()));
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean logging = log.enabled();
        if (logging) {
            log.request(request.httpMethod().name(), request.url(), request.headers(), body, call);
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), info -> new TimedBody(call));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Engagive API");
        } catch (HttpTimeoutException e) {
            IOException timeout = call.deadlinePassed() && !(e instanceof HttpConnectTimeoutException)
                    ? new CallContext.DeadlineExceededException(true) : e;
            if (logging) {
                log.failure(timeout, System.nanoTime() - start, call);
            }
            throw timeout;
        } catch (IOException e) {
            if (logging) {
                log.failure(e, System.nanoTime() - start, call);
            }
            throw e;
        }
        if (logging) {
            log.response(response.statusCode(), response.headers().map(), System.nanoTime() - start, call);
        }
        Map<String, Collection<String>> headers = Collections.unmodifiableMap(response.headers().map());
        call.responded(response.statusCode(), headers);
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Integer length = declared >= 0 && declared <= Integer.MAX_VALUE ? (int) declared : null;
        InputStream stream = logging ? log.body(response.body(), call) : response.body();
        return Response.builder()
                .request(request)
                .status(response.statusCode())
                .reason("")
                .protocolVersion(response.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .headers(headers)
                .body(new CallBody(stream, length, call))
                .build();
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + http.version() + "}";
    }
}
