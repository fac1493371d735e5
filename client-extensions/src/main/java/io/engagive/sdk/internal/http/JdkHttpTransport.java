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
import java.util.Optional;
import java.util.Set;

/**
 * The client's transport: Feign requests over one shared, pooled, keep-alive
 * {@link java.net.http.HttpClient}, carrying the call's token as the only {@code Authorization}
 * header (and a proxy's credentials, after its 407, as {@code Proxy-Authorization}). Every wait is bounded by the read timeout and the call's deadline: java.net.http's own
 * request timeout for the response headers (connecting included), and the body's for each wait for
 * more of it. The exchange runs on the calling thread's {@code send}, with no extra hand-off.
 */
final class JdkHttpTransport implements Client {

    /** Headers java.net.http sets itself and refuses from callers, and the one this transport sets itself. */
    private static final Set<String> NOT_COPIED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "authorization", "user-agent",
                    "proxy-authorization");

    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    private final HttpClient http;
    private final ExchangeLog log;
    private final String userAgent;
    private final ProxyCredentials proxyCredentials;

    /**
     * Creates the transport.
     *
     * @param http the shared JDK client (its connect timeout and redirect policy apply)
     * @param logLevel how much of each exchange to log at DEBUG
     * @param maxLoggedLineLength the longest logged line; bodies are cut to it
     * @param userAgent the {@code User-Agent} header's value
     * @param proxyCredentials answers a proxy's 407, or null
     */
    JdkHttpTransport(HttpClient http, HttpLogLevel logLevel, int maxLoggedLineLength, String userAgent,
            ProxyCredentials proxyCredentials) {
        this.http = Objects.requireNonNull(http, "http");
        this.log = new ExchangeLog(logLevel, maxLoggedLineLength);
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.proxyCredentials = proxyCredentials;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        CallContext call = CallContext.of(options, request);
        URI uri = URI.create(request.url());
        String proxyAuthorization = proxyCredentials == null ? null : proxyCredentials.remembered(uri).orElse(null);
        boolean logging = log.enabled();
        if (logging) {
            log.request(request.httpMethod().name(), request.url(), request.headers(), request.body(), call);
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> response = send(request, uri, proxyAuthorization, call, logging, start);
        if (response.statusCode() == PROXY_AUTHENTICATION_REQUIRED && proxyCredentials != null) {
            Optional<String> answer = proxyCredentials.answer(uri, proxyAuthorization,
                    response.headers().firstValue("Proxy-Authenticate").orElse(null));
            if (answer.isPresent()) {
                bodyOf(response).close();
                response = send(request, uri, answer.get(), call, logging, start);
            }
        }
        if (logging) {
            log.response(response.statusCode(), response.headers().map(), System.nanoTime() - start, call);
        }
        Map<String, Collection<String>> headers = Collections.unmodifiableMap(response.headers().map());
        call.responded(response.statusCode(), headers);
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Integer length = declared >= 0 && declared <= Integer.MAX_VALUE ? (int) declared : null;
        InputStream stream = logging ? log.body(bodyOf(response), call) : bodyOf(response);
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

    /** The body, or an empty one for a proxy's answer to {@code CONNECT}, which has none. */
    private static InputStream bodyOf(HttpResponse<InputStream> response) {
        return response.body() == null ? InputStream.nullInputStream() : response.body();
    }

    /** Sends once; a proxy's 407 comes back as a response, its request never having reached the API. */
    private HttpResponse<InputStream> send(Request request, URI uri, String proxyAuthorization, CallContext call,
            boolean logging, long start) throws IOException {
        Duration wait;
        try {
            wait = call.nextWait();
        } catch (CallContext.DeadlineExceededException beforeSending) {
            throw new CallContext.DeadlineExceededException(false);
        }
        try {
            return http.send(jdkRequest(request, uri, wait, proxyAuthorization, call), info -> new TimedBody(call));
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
    }

    private HttpRequest jdkRequest(Request request, URI uri, Duration wait, String proxyAuthorization,
            CallContext call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(wait);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!NOT_COPIED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        builder.header("User-Agent", userAgent);
        call.token().ifPresent(token -> builder.header("Authorization", token.authorizationHeader()));
        if (proxyAuthorization != null) {
            builder.header("Proxy-Authorization", proxyAuthorization);
        }
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return builder.build();
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + http.version() + "}";
    }
}
