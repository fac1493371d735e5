package io.engagive.sdk.transport.okhttp;

import io.engagive.sdk.transport.TransportRequest;
import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Turns the pipeline's requests into OkHttp's, remembering the last URI converted. */
final class OkHttpRequests {

    /** Headers OkHttp sets itself from the request and its body. */
    private static final List<String> SET_BY_OKHTTP = List.of("Host", "Content-Length", "Connection",
            "Transfer-Encoding");
    private static final byte[] EMPTY = new byte[0];

    private volatile ConvertedUrl lastUrl;

    /**
     * Returns a builder of OkHttp's request for this one: its URL, method, body and headers (less those OkHttp sets
     * itself), ready for a tag.
     */
    Request.Builder builder(TransportRequest request) {
        Request.Builder builder = new Request.Builder().url(urlOf(request.uri()));
        String contentType = null;
        for (TransportRequest.Header header : request.headers()) {
            if ("Content-Type".equalsIgnoreCase(header.name())) {
                contentType = header.value();
            }
            if (!setByOkHttp(header.name())) {
                builder.addHeader(header.name(), header.value());
            }
        }
        RequestBody body = request.hasBody() || !"GET".equals(request.method()) && !"HEAD".equals(request.method())
                ? RequestBody.create(request.hasBody() ? request.body() : EMPTY,
                        contentType == null ? null : MediaType.parse(contentType))
                : null;
        return builder.method(request.method(), body);
    }

    private static boolean setByOkHttp(String name) {
        for (String own : SET_BY_OKHTTP) {
            if (own.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * OkHttp's form of the request's URI: the last one converted when the pipeline hands over the same URI object again
     * (it does for repeated calls to one resource), else parsed by OkHttp now.
     */
    private HttpUrl urlOf(URI uri) {
        ConvertedUrl last = lastUrl;
        if (last != null && last.uri() == uri) {
            return last.url();
        }
        HttpUrl url = HttpUrl.get(uri.toString());
        lastUrl = new ConvertedUrl(uri, url);
        return url;
    }

    /** A request URI and OkHttp's form of it. */
    private record ConvertedUrl(URI uri, HttpUrl url) {
    }
}
