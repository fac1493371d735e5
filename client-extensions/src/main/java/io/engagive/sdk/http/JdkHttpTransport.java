package io.engagive.sdk.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The client's transport: Feign requests over one shared, pooled, keep-alive
 * {@link java.net.http.HttpClient}, with the response body streamed so that our bounded readers
 * decide how much of it is read. It does in one step what feign-java11 does in several.
 */
public final class JdkHttpTransport implements Client {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Bodies up to this size, when their length is declared, are read whole rather than streamed. */
    private static final long BUFFERED_BODY_LIMIT = 256 * 1024;

    private final HttpClient http;

    /** @param http the shared JDK client (its connect timeout and redirect policy apply) */
    public JdkHttpTransport(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofMillis(options.readTimeoutMillis()));
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), JdkHttpTransport::bodyFor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Engagive API");
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Integer length = declared >= 0 && declared <= Integer.MAX_VALUE ? (int) declared : null;
        return Response.builder()
                .request(request)
                .status(response.statusCode())
                .reason("")
                .protocolVersion(response.version() == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .headers(Collections.unmodifiableMap(response.headers().map()))
                .body(response.body(), length)
                .build();
    }

    /**
     * Small bodies of known length are read in one go (the fast path); others are streamed, so the
     * bounded readers downstream decide how much of a large body is read.
     */
    private static HttpResponse.BodySubscriber<InputStream> bodyFor(HttpResponse.ResponseInfo info) {
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length >= 0 && length <= BUFFERED_BODY_LIMIT) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                    ByteArrayInputStream::new);
        }
        return HttpResponse.BodySubscribers.ofInputStream();
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + http.version() + "}";
    }
}
