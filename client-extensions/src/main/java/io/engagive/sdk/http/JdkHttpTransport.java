package io.engagive.sdk.http;

import feign.Client;
import feign.Request;
import feign.Response;
import io.engagive.sdk.HttpLogLevel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's transport: Feign requests over one shared, pooled, keep-alive
 * {@link java.net.http.HttpClient}, carrying the call's token as the only {@code Authorization}
 * header. Every wait is bounded by the read timeout and the call's deadline: for the response
 * headers (and a small body read whole), and again for each wait for more bytes of a streamed body.
 */
public final class JdkHttpTransport implements Client {

    /** Headers java.net.http sets itself and refuses from callers, and the one this transport sets itself. */
    private static final Set<String> NOT_COPIED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "authorization");

    /** Bodies up to this size, when their length is declared, are read whole rather than streamed. */
    private static final long BUFFERED_BODY_LIMIT = 256 * 1024;

    private final HttpClient http;
    private final ExchangeLog log;

    /**
     * Creates the transport.
     *
     * @param http the shared JDK client (its connect timeout and redirect policy apply)
     * @param logLevel how much of each exchange to log at DEBUG
     * @param maxLoggedLineLength the longest logged line; bodies are cut to it
     */
    public JdkHttpTransport(HttpClient http, HttpLogLevel logLevel, int maxLoggedLineLength) {
        this.http = Objects.requireNonNull(http, "http");
        this.log = new ExchangeLog(logLevel, maxLoggedLineLength);
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
            response = await(http.sendAsync(builder.build(), info -> bodyFor(info, call)), wait, call);
        } catch (IOException e) {
            if (logging) {
                log.failure(e, System.nanoTime() - start, call);
            }
            throw e;
        }
        if (logging) {
            log.response(response.statusCode(), response.headers().map(), System.nanoTime() - start, call);
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Integer length = declared >= 0 && declared <= Integer.MAX_VALUE ? (int) declared : null;
        InputStream stream = logging ? log.body(response.body(), call) : response.body();
        return Response.builder()
                .request(request)
                .status(response.statusCode())
                .reason("")
                .protocolVersion(response.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .headers(Collections.unmodifiableMap(response.headers().map()))
                .body(new CallBody(stream, length, call))
                .build();
    }

    /** Waits for the response headers (and a small body) no longer than the given time; then cancels the exchange. */
    private static HttpResponse<InputStream> await(CompletableFuture<HttpResponse<InputStream>> pending, Duration wait,
            CallContext call) throws IOException {
        try {
            return pending.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw call.deadlinePassed() ? new CallContext.DeadlineExceededException(true)
                    : new HttpTimeoutException("no response within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Engagive API");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("the exchange failed", cause);
        }
    }

    /**
     * Small bodies of known length are read in one go (the fast path, bounded by the same wait as
     * the headers); others are streamed with every wait for more bytes bounded.
     */
    private static HttpResponse.BodySubscriber<InputStream> bodyFor(HttpResponse.ResponseInfo info, CallContext call) {
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length >= 0 && length <= BUFFERED_BODY_LIMIT) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                    ByteArrayInputStream::new);
        }
        return new TimedBody(call);
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + http.version() + "}";
    }
}
