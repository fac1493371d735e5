package io.engagive.sdk.internal.http;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads response headers by a fixed priority of names, whatever order the response lists them in. */
final class ResponseHeaders {

    /** Request-id headers in priority order: the API's own first, a proxy's last. */
    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray");

    private ResponseHeaders() {
    }

    /** Returns the request id, redacted and on one line, or null when the response carries none. */
    static String requestId(Map<String, ? extends Collection<String>> headers, AccessToken token) {
        return FailedResponse.oneLine(SecretRedactor.redact(first(headers, REQUEST_ID_HEADERS), token));
    }

    /** Returns the first header present, by the order of the names given. */
    static String first(Map<String, ? extends Collection<String>> headers, List<String> names) {
        for (String name : names) {
            for (Map.Entry<String, ? extends Collection<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().iterator().next();
                }
            }
        }
        return null;
    }
}
