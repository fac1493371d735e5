package io.engagive.sdk.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the pipeline built it: method, absolute URI (path and query already encoded), headers in order,
 * and the body's bytes. Its {@code toString()} never shows a credential header's value.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param uri the absolute request URI
 * @param headers the headers, in the order they are to be sent
 * @param body the body's bytes, empty for none
 */
public record TransportRequest(String method, URI uri, List<Header> headers, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    /**
     * Checks the parts; the header list is kept as given (the pipeline never changes it afterwards).
     *
     * @throws NullPointerException when the method, URI or headers are null
     */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? NO_BODY : body;
    }

    /**
     * Returns the first value of a header, by name regardless of case.
     *
     * @param name the header's name
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns this request with one more header at the end.
     *
     * @param name the header's name
     * @param value its value
     * @return the new request; this one is unchanged
     */
    public TransportRequest withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers.size() + 1);
        more.addAll(headers);
        more.add(new Header(name, value));
        return new TransportRequest(method, uri, List.copyOf(more), body);
    }

    /**
     * Tells whether the request has a body.
     *
     * @return true when the body has at least one byte
     */
    public boolean hasBody() {
        return body.length > 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TransportRequest{").append(method).append(' ').append(uri.getRawPath());
        for (Header header : headers) {
            text.append(", ").append(header);
        }
        return text.append(", body=").append(body.length).append(" bytes}").toString();
    }

    /**
     * One request header; the value of a credential header ({@code Authorization}, {@code Proxy-Authorization}) is
     * never shown by {@code toString()}.
     *
     * @param name the header's name
     * @param value its value
     */
    public record Header(String name, String value) {

        /**
         * Checks the parts.
         *
         * @throws NullPointerException when either is null
         */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /**
         * Tells whether the header carries a credential.
         *
         * @return true for {@code Authorization} and {@code Proxy-Authorization}
         */
        public boolean isCredential() {
            return name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization");
        }

        @Override
        public String toString() {
            return name + ": " + (isCredential() ? "██" : value);
        }
    }
}
