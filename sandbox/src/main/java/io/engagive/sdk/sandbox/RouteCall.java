package io.engagive.sdk.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What a route handler is given: the exchange to answer, the account id and the route's own path
 * parameter (decoded once), and the query.
 *
 * @param exchange the request being answered
 * @param accountId the {@code accountId} path parameter
 * @param pathParameter the route's second path parameter (a template or category code), or null
 */
record RouteCall(Exchange exchange, String accountId, String pathParameter) {

    /** Returns one query parameter, decoded, or null when absent. */
    String queryParameter(String name) {
        String query = exchange.query();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    /** Decodes one percent-encoded path segment or query part; '+' stays '+'. */
    static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
