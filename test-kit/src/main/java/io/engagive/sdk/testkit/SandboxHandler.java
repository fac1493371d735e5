package io.engagive.sdk.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves the documented API: routing, bad-input handling, faults, auth, the operations, journal and conformance. */
final class SandboxHandler implements HttpHandler {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Pattern BEARER = Pattern.compile("Bearer ([^\\s]+)");
    private static final Pattern PHONE = Pattern.compile("\\d{8,15}");

    private final EngagiveSandbox sandbox;
    private final ObjectMapper mapper;
    private final SandboxStore store;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong requestIds = new AtomicLong();

    SandboxHandler(EngagiveSandbox sandbox, ObjectMapper mapper, SandboxStore store) {
        this.sandbox = sandbox;
        this.mapper = mapper;
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        } catch (RuntimeException | IOException e) {
            sandbox.recordInternalError(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Body body = readBody(exchange.getRequestBody());
        String apiPath = path.startsWith(EngagiveSandbox.BASE_PATH) ? path.substring(EngagiveSandbox.BASE_PATH.length())
                : null;
        Route route = apiPath == null ? null : routeFor(apiPath);
        Exchange call = new Exchange(exchange, method, path, query, body.text, route);

        if (body.tooLarge) {
            call.error(413, "Payload too large", "The request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        if (route == null) {
            call.error(404, "Not found", "No such route: " + method + " " + path);
            return;
        }
        if (!route.method().equals(method)) {
            call.header("Allow", route.method());
            call.error(405, "Method not allowed", method + " is not allowed here; use " + route.method());
            return;
        }
        Matcher match = route.match(apiPath).orElseThrow();
        Optional<Fault> fault = sandbox.takeFault(route);
        if (fault.isPresent() && !fault.get().isDelayOnly()) {
            call.fault(fault.get());
            return;
        }
        fault.ifPresent(delay -> pause(delay.delay().toMillis()));
        authorizeAndServe(call, route, match);
    }

    private void authorizeAndServe(Exchange call, Route route, Matcher match) throws IOException {
        String header = call.exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            call.error(401, "Unauthorized", "No Bearer token provided");
            return;
        }
        Matcher bearer = BEARER.matcher(header.strip());
        if (!bearer.matches()) {
            call.error(401, "Unauthorized", "Malformed Authorization header: expected 'Bearer <token>'");
            return;
        }
        TokenMinter.Verification verification = sandbox.minter().verify(bearer.group(1));
        if (verification.refusal().isPresent()) {
            call.error(401, "Unauthorized", verification.refusal().get());
            return;
        }
        Optional<SandboxUser> user = sandbox.user(verification.subject());
        if (user.isEmpty()) {
            call.error(401, "Unauthorized", "Invalid token");
            return;
        }
        String accountId = match.group(1);
        boolean sameOrganisation = store.organisationOf(accountId).map(user.get().organisation()::equals).orElse(false);
        if (!sameOrganisation || !user.get().accounts().contains(accountId)) {
            call.wrongAccount(sandbox.wrongAccountStatus());
            return;
        }
        if (!user.get().permissions().contains(route.permission())) {
            call.error(403, "Forbidden", "Missing permission: " + route.permission().portalName());
            return;
        }
        serveRoute(call, route, match, accountId);
    }

    private void serveRoute(Exchange call, Route route, Matcher match, String accountId) throws IOException {
        switch (route) {
            case LIST_TEMPLATES:
                call.ok("Templates retrieved", store.templates(accountId, queryParameter(call.query, "search")), null);
                return;
            case GET_TEMPLATE:
                Optional<ObjectNode> template = store.template(accountId, decode(match.group(2)));
                if (template.isEmpty()) {
                    call.error(404, "Template not found", "No template with code " + decode(match.group(2)));
                } else {
                    call.ok("Template retrieved", template.get(), null);
                }
                return;
            case LIST_CATEGORIES:
                call.ok("Categories retrieved", store.categories(), null);
                return;
            case LIST_CATEGORY_OPTIONS:
                Optional<ArrayNode> options =
                        store.categoryOptions(decode(match.group(2)));
                if (options.isEmpty()) {
                    call.error(404, "Category not found", "No category with code " + decode(match.group(2)));
                } else {
                    call.ok("Options retrieved", options.get(), null);
                }
                return;
            case LIST_CONTENT_LANGUAGES:
            case LIST_CONTENTS:
                String code = decode(match.group(2));
                if (store.template(accountId, code).isEmpty()) {
                    call.error(404, "Template not found", "No template with code " + code);
                } else if (route == Route.LIST_CONTENT_LANGUAGES) {
                    call.ok("Languages retrieved", store.languages(), null);
                } else {
                    call.ok("Template contents retrieved", store.contents(code, queryParameter(call.query, "search")),
                            null);
                }
                return;
            default:
                send(call, route, accountId);
        }
    }

    private void send(Exchange call, Route route, String accountId) throws IOException {
        JsonNode body;
        try {
            body = call.bodyText.isBlank() ? null : mapper.readTree(call.bodyText);
        } catch (JsonProcessingException e) {
            call.error(400, "Validation failed", "The request body is not valid JSON");
            return;
        }
        if (body == null || !body.isObject()) {
            call.error(400, "Validation failed", "The request body must be a JSON object");
            return;
        }
        JsonNode to = body.get("to");
        if (to == null || !to.isTextual() || !PHONE.matcher(to.asText()).matches()) {
            call.error(400, "Validation failed",
                    "\"to\" is required: the recipient's phone number, digits only with country code");
            return;
        }
        String type;
        String message;
        if (route == Route.SEND_TEMPLATE) {
            JsonNode content = body.get("content_json");
            Optional<String> problem = templateProblem(content);
            if (problem.isPresent()) {
                call.error(400, "Validation failed", problem.get());
                return;
            }
            if (!store.hasApprovedTemplate(accountId, content.get("template_name"))) {
                call.reply(502, metaTemplateMissing());
                return;
            }
            type = "template";
            message = "Template message sent successfully";
        } else if (route == Route.SEND_REACTION) {
            JsonNode target = body.get("whatsapp_message_id");
            JsonNode emoji = body.get("emoji");
            if (target == null || !target.isTextual() || !target.asText().startsWith("wamid.")) {
                call.error(400, "Validation failed", "\"whatsapp_message_id\" must be a WhatsApp message id (wamid.…)");
                return;
            }
            if (emoji == null || !emoji.isTextual()) {
                call.error(400, "Validation failed", "\"emoji\" is required");
                return;
            }
            type = "reaction";
            message = "Reaction sent";
        } else {
            type = body.path("type").isTextual() ? body.get("type").asText() : "unknown";
            message = "Message sent";
        }
        String wamid = "wamid." + Base64.getEncoder().withoutPadding().encodeToString(randomBytes());
        sandbox.recordSent(new SentMessage(accountId, to.asText(), type, body, wamid));
        ObjectNode data = mapper.createObjectNode();
        if (route != Route.SEND_REACTION) {
            data.put("to", to.asText()).put("message_type", type);
        }
        ObjectNode meta = mapper.createObjectNode().put("messaging_product", "whatsapp");
        meta.putArray("contacts").addObject().put("input", to.asText()).put("wa_id", to.asText());
        meta.putArray("messages").addObject().put("id", wamid);
        call.ok(message, data, meta);
    }

    private static Optional<String> templateProblem(JsonNode content) {
        if (content == null || !content.isObject()) {
            return Optional.of("\"content_json\" is required");
        }
        if (!content.path("template_name").isTextual() || content.get("template_name").asText().isBlank()) {
            return Optional.of("\"content_json.template_name\" is required");
        }
        if (!content.path("lang_code").isTextual() || content.get("lang_code").asText().isBlank()) {
            return Optional.of("\"content_json.lang_code\" is required");
        }
        if (content.has("components") && !content.get("components").isArray()) {
            return Optional.of("\"content_json.components\" must be an array");
        }
        return Optional.empty();
    }

    private ObjectNode metaTemplateMissing() {
        ObjectNode body = envelope(false, 502, "WhatsApp API request failed");
        body.put("error", "(#132001) Template name does not exist in the translation");
        ObjectNode error = body.putObject("metaResponse").putObject("error");
        error.put("message", "(#132001) Template name does not exist in the translation")
                .put("type", "OAuthException").put("code", 132001).put("fbtrace_id", "AbCdEfGhIjK");
        return body;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }

    private ObjectNode envelope(boolean success, Integer statusCode, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("success", success);
        if (statusCode != null) {
            body.put("statusCode", statusCode);
        }
        body.put("message", message);
        return body;
    }

    private static Route routeFor(String apiPath) {
        for (Route route : Route.values()) {
            if (route.match(apiPath).isPresent()) {
                return route;
            }
        }
        return null;
    }

    private static String queryParameter(String query, String name) {
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

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Body readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return new Body("", true);
        }
        return new Body(new String(bytes, StandardCharsets.UTF_8), false);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request body read up to the limit. */
    private static final class Body {
        private final String text;
        private final boolean tooLarge;

        Body(String text, boolean tooLarge) {
            this.text = text;
            this.tooLarge = tooLarge;
        }
    }

    /** One request being answered: writes the reply, then journals it and checks it against the spec. */
    private final class Exchange {
        private final HttpExchange exchange;
        private final String method;
        private final String path;
        private final String query;
        private final String bodyText;
        private final Route route;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();

        Exchange(HttpExchange exchange, String method, String path, String query, String bodyText, Route route) {
            this.exchange = exchange;
            this.method = method;
            this.path = path;
            this.query = query;
            this.bodyText = bodyText;
            this.route = route;
        }

        void header(String name, String value) {
            extraHeaders.put(name, value);
        }

        void ok(String message, JsonNode data, JsonNode metaResponse) throws IOException {
            ObjectNode body = envelope(true, null, message);
            body.set("data", data);
            if (metaResponse != null) {
                body.set("metaResponse", metaResponse);
            }
            reply(200, body);
        }

        void error(int status, String message, String error) throws IOException {
            ObjectNode body = envelope(false, status, message);
            body.put("error", error);
            reply(status, body);
        }

        void wrongAccount(int status) throws IOException {
            ObjectNode body = envelope(false, status == 403 ? 403 : null, "Forbidden");
            body.put("error", "You are not allowed to use this account");
            write(status, jsonHeaders(), mapper.writeValueAsBytes(body), status < 200 || status > 299);
        }

        void reply(int status, ObjectNode body) throws IOException {
            write(status, jsonHeaders(), mapper.writeValueAsBytes(body), true);
        }

        private Map<String, String> jsonHeaders() {
            Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
            headers.put("Content-Type", "application/json");
            return headers;
        }

        void fault(Fault fault) throws IOException {
            if (fault.dropsConnection()) {
                journal(0);
                return;
            }
            write(fault.status(), fault.headers(), fault.body(), fault.isFromApi());
        }

        /** Journals and checks the reply before sending it, so a test that got the answer also sees both. */
        private void write(int status, Map<String, String> headers, byte[] body, boolean fromApi) throws IOException {
            journal(status);
            if (fromApi && route != null && route.method().equals(method)) {
                sandbox.conformance().ifPresent(check -> check.check(method, path.substring(
                        EngagiveSandbox.BASE_PATH.length()), status, headers, body));
            }
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("X-Request-Id", "sbx-" + requestIds.incrementAndGet());
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        private void journal(int status) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    name.equalsIgnoreCase("Authorization") ? values.stream().map(SandboxHandler::redact).toList()
                            : List.copyOf(values)));
            sandbox.recordRequest(new JournalEntry(method, path, query, headers, bodyText, route, status));
        }
    }

    private static String redact(String authorization) {
        int space = authorization.indexOf(' ');
        return space < 0 ? "[REDACTED]" : authorization.substring(0, space) + " [REDACTED]";
    }
}
