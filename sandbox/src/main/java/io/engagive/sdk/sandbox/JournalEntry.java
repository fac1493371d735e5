package io.engagive.sdk.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the sandbox received: protocol, method, path, query, headers (the {@code Authorization}
 * credential redacted), body, the route it matched and the status it was answered with.
 */
public final class JournalEntry {

    private final String protocol;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Route route;
    private final int status;

    JournalEntry(String protocol, String method, String path, String query, Map<String, List<String>> headers,
            String body, Route route, int status) {
        this.protocol = protocol;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.route = route;
        this.status = status;
    }

    /**
     * Returns the HTTP method.
     *
     * @return the HTTP method
     */
    public String method() {
        return method;
    }

    /**
     * Returns the path, base path included.
     *
     * @return the path, base path included
     */
    public String path() {
        return path;
    }

    /**
     * Returns the raw query string, when there was one.
     *
     * @return the raw query string, when there was one
     */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /**
     * Returns the request headers with lower-case names; {@code authorization} is redacted.
     *
     * @return the request headers with lower-case names; {@code authorization} is redacted
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Header.
     *
     * @param name a header name, any case
     * @return its values
     */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /**
     * Returns the request body as text (empty when there was none).
     *
     * @return the request body as text (empty when there was none)
     */
    public String body() {
        return body;
    }

    /**
     * Returns the documented route the request matched, if any.
     *
     * @return the documented route the request matched, if any
     */
    public Optional<Route> route() {
        return Optional.ofNullable(route);
    }

    /**
     * Returns the status the sandbox answered with (0 when it dropped the connection).
     *
     * @return the status the sandbox answered with (0 when it dropped the connection)
     */
    public int status() {
        return status;
    }

    /**
     * Returns the protocol the request came over, as the client chose it (ALPN, upgrade or prior knowledge).
     *
     * @return {@code HTTP/1.1} or {@code HTTP/2.0}
     */
    public String protocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
