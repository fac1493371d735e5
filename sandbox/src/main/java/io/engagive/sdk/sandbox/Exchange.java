package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request being answered: writes the reply in the API's envelope, journals it and checks it
 * against the spec (the reply's shape, and whether accepting or refusing the request agrees with
 * the spec's verdict on it), in that order. A fault's reply is deliberate and is not judged.
 */
final class Exchange {

    private final ServerCall exchange;
    private final SandboxState state;
    private final String method;
    private final String path;
    private final String query;
    private final String body;
    private final Route route;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private SpecConformance.RequestVerdict verdict;
    private String refusal = "";
    private boolean closing;
    private Fault shaping;

    Exchange(ServerCall exchange, SandboxState state, String method, String path, String query, String body,
            Route route) {
        this.exchange = exchange;
        this.state = state;
        this.method = method;
        this.path = path;
        this.query = query;
        this.body = body;
        this.route = route;
    }

    String query() {
        return query;
    }

    String body() {
        return body;
    }

    String requestHeader(String name) {
        return exchange.header(name);
    }

    /** Makes the reply say {@code Connection: close} and the server close the connection after it. */
    void closeAfterReply() {
        closing = true;
    }

    void header(String name, String value) {
        extraHeaders.put(name, value);
    }

    void ok(String message, JsonNode data, JsonNode metaResponse) throws IOException {
        ObjectNode envelope = envelope(true, null, message);
        envelope.set("data", data);
        if (metaResponse != null) {
            envelope.set("metaResponse", metaResponse);
        }
        reply(200, envelope);
    }

    /** Remembers what the spec says of this request, so the answer can be held to it. */
    void specVerdict(SpecConformance.RequestVerdict requestVerdict) {
        this.verdict = requestVerdict;
    }

    void error(int status, String message, String error) throws IOException {
        refusal = error;
        ObjectNode envelope = envelope(false, status, message);
        envelope.put("error", error);
        reply(status, envelope);
    }

    void wrongAccount(int status) throws IOException {
        verdict = null;
        ObjectNode envelope = envelope(false, status == 403 ? 403 : null, "Forbidden");
        envelope.put("error", "You are not allowed to use this account");
        write(status, jsonHeaders(), state.mapper().writeValueAsBytes(envelope), true);
    }

    void reply(int status, ObjectNode envelope) throws IOException {
        write(status, jsonHeaders(), state.mapper().writeValueAsBytes(envelope), true);
    }

    void fault(Fault fault) throws IOException {
        verdict = null;
        if (fault.dropsConnection()) {
            journal(0);
            exchange.drop(fault.resets());
            return;
        }
        write(fault.status(), fault.headers(), fault.body(), fault.isFromApi());
    }

    /** Serves the request as usual, but lets its answer reach the wire as the fault's shape says. */
    void answerShapedBy(Fault fault) {
        this.shaping = fault;
    }

    ObjectNode envelope(boolean success, Integer statusCode, String message) {
        ObjectNode envelope = state.mapper().createObjectNode();
        envelope.put("success", success);
        if (statusCode != null) {
            envelope.put("statusCode", statusCode);
        }
        envelope.put("message", message);
        return envelope;
    }

    private Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** Journals and checks the reply before sending it, so a test that got the answer also sees both. */
    private void write(int status, Map<String, String> headers, byte[] bytes, boolean fromApi) throws IOException {
        journal(status);
        if (fromApi && route != null && route.method().equals(method)) {
            String apiPath = path.substring(EngagiveSandbox.BASE_PATH.length());
            state.conformance().ifPresent(check -> {
                check.checkResponse(method, apiPath, status, headers, bytes);
                if (verdict != null) {
                    check.judge(method, apiPath, verdict, status, refusal);
                }
            });
        }
        Map<String, String> withId = new LinkedHashMap<>(headers);
        withId.put("X-Request-Id", state.nextRequestId());
        if (shaping == null) {
            exchange.reply(status, withId, bytes, closing);
            return;
        }
        if (shaping.shape() == Fault.Shape.TOKEN_ECHOED) {
            withId.putAll(tokenEchoes(requestHeader("Authorization")));
        }
        shaping.shape().answer(exchange, status, withId, bytes, shaping.delay());
    }

    /** The request's credentials as a careless server echoes them: as sent, in Base64 and percent-encoded. */
    private static Map<String, String> tokenEchoes(String authorization) {
        if (authorization == null) {
            return Map.of();
        }
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
        return Map.of("X-Echo-Authorization", authorization,
                "X-Echo-Token-Base64", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)),
                "X-Echo-Token-Url", URLEncoder.encode(token, StandardCharsets.UTF_8),
                "WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + token + " seen\"");
    }

    private void journal(int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                name.equalsIgnoreCase("Authorization") ? values.stream().map(Exchange::redact).toList()
                        : List.copyOf(values)));
        state.recordRequest(new JournalEntry(exchange.protocol(), method, path, query, headers, body, route, status));
    }

    private static String redact(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? "[REDACTED]" : authorization.substring(0, space) + " [REDACTED]";
    }
}
