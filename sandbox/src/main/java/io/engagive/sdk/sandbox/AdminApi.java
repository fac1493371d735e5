package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's admin API under {@value #PREFIX}, a prefix no API route can have: mint tokens,
 * register and change users, inject and clear faults, read the journal, sent messages and spec
 * violations, reset, and Pact provider states. Described by
 * {@code engagive/engagive-sandbox-admin.yaml}; every answer is checked against that document.
 */
final class AdminApi {

    /** Where the admin API lives. */
    static final String PREFIX = "/__sandbox";

    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

    private final EngagiveSandbox sandbox;
    private final SandboxState state;
    private final ObjectMapper mapper;

    AdminApi(EngagiveSandbox sandbox, SandboxState state) {
        this.sandbox = sandbox;
        this.state = state;
        this.mapper = state.mapper();
    }

    /** An answer: a status and a JSON body, or no body; undocumented when no admin route matched. */
    private record Answer(int status, JsonNode body, boolean documented) {

        Answer(int status, JsonNode body) {
            this(status, body, true);
        }

        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer none() {
            return new Answer(204, null);
        }
    }

    /** A request the admin API refuses, with the status and the reason. */
    private static final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final boolean documented;

        Refusal(int status, String reason) {
            this(status, reason, true);
        }

        Refusal(int status, String reason, boolean documented) {
            super(reason, null, false, false);
            this.status = status;
            this.documented = documented;
        }
    }

    /** Answers one admin request; a client that went away ends it, a failure of the sandbox's own is recorded. */
    void handle(ServerCall exchange) {
        try {
            String method = exchange.method();
            String path = exchange.rawPath().substring(PREFIX.length());
            byte[] bytes = exchange.body(MAX_BODY_BYTES);
            if (bytes.length > MAX_BODY_BYTES) {
                send(exchange, method, path, new Answer(413, mapper.createObjectNode().put("error",
                        "the body is larger than " + MAX_BODY_BYTES + " bytes"), false), true);
                return;
            }
            Answer answer;
            try {
                answer = route(method, path.isEmpty() ? "/" : path, bytes);
            } catch (Refusal refusal) {
                answer = new Answer(refusal.status, mapper.createObjectNode().put("error", refusal.getMessage()),
                        refusal.documented);
            }
            send(exchange, method, path, answer, false);
        } catch (IOException e) {
            exchange.fail(e);
        } catch (RuntimeException e) {
            state.recordInternalError(e);
            exchange.fail(e);
        }
    }

    private Answer route(String method, String path, byte[] body) {
        String[] segments = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toArray(String[]::new);
        String resource = segments.length == 0 ? "" : segments[0];
        String key = segments.length > 2 ? "" : method + " " + resource + (segments.length == 2 ? "/{id}" : "");
        return switch (key) {
            case "GET health" -> Answer.ok(health());
            case "POST tokens" -> new Answer(201, token(json(body, false)));
            case "GET users" -> Answer.ok(users());
            case "PUT users/{id}" -> Answer.ok(putUser(segments[1], json(body, true)));
            case "POST faults" -> new Answer(201, inject(json(body, true)));
            case "DELETE faults" -> {
                sandbox.clearFaults();
                yield Answer.none();
            }
            case "GET journal" -> Answer.ok(journal());
            case "GET sent-messages" -> Answer.ok(sentMessages(sandbox.sentMessages()));
            case "POST sent-messages/{id}" -> {
                if (!segments[1].equals("take")) {
                    throw new Refusal(404, "No admin route POST " + PREFIX + path, false);
                }
                yield Answer.ok(sentMessages(sandbox.takeSentMessages()));
            }
            case "GET process" -> Answer.ok(ProcessFigures.afterCollection(mapper));
            case "GET spec-violations" -> Answer.ok(violations());
            case "POST reset" -> {
                sandbox.reset();
                yield Answer.none();
            }
            case "PUT wrong-account-status" -> Answer.ok(wrongAccountStatus(json(body, true)));
            case "PUT limits" -> Answer.ok(limits(json(body, true)));
            case "POST provider-states" -> Answer.ok(providerState(json(body, true)));
            default -> throw new Refusal(404, "No admin route " + method + " " + PREFIX + path
                    + "; see engagive-sandbox-admin.yaml", false);
        };
    }

    private ObjectNode health() {
        return mapper.createObjectNode().put("status", "ok").put("base_url", sandbox.baseUrl())
                .put("admin_url", sandbox.adminUrl());
    }

    private ObjectNode token(JsonNode request) {
        String userId = request.path("user_id").asText("default-user");
        SandboxUser user = state.user(userId).orElseThrow(() -> new Refusal(404, "No user \"" + userId + "\""));
        String kind = request.path("kind").asText("valid");
        long seconds = request.path("valid_for_seconds").asLong(DEFAULT_VALIDITY.toSeconds());
        if (seconds < 1) {
            throw new Refusal(400, "valid_for_seconds must be at least 1, was " + seconds);
        }
        ObjectNode answer = mapper.createObjectNode();
        switch (kind) {
            case "valid" -> answer.put("token", user.token(Duration.ofSeconds(seconds)))
                    .put("expires_at", state.clock().instant().plusSeconds(seconds).toString());
            case "expired" -> answer.put("token", user.expiredToken()).putNull("expires_at");
            case "bad_signature" -> answer.put("token", user.tokenWithBadSignature()).putNull("expires_at");
            default -> throw new Refusal(400, "kind must be valid, expired or bad_signature, was \"" + kind + "\"");
        }
        return answer.put("user_id", userId).put("kind", kind);
    }

    private ArrayNode users() {
        ArrayNode list = mapper.createArrayNode();
        state.userIds().stream().sorted().forEach(id -> state.user(id).ifPresent(user -> list.add(user(user))));
        return list;
    }

    private ObjectNode putUser(String id, JsonNode request) {
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new Refusal(400, "a user id is 1–64 letters, digits, '_', '.' or '-'");
        }
        Set<SandboxPermission> permissions = new LinkedHashSet<>();
        for (JsonNode permission : array(request, "permissions")) {
            try {
                permissions.add(SandboxSeed.permission(permission.asText(), "permissions"));
            } catch (IllegalArgumentException unknown) {
                throw new Refusal(400, unknown.getMessage());
            }
        }
        Set<String> accounts = new LinkedHashSet<>();
        array(request, "accounts").forEach(account -> accounts.add(account.asText()));
        String organisation = request.path("organisation").asText(SandboxStore.ORGANISATION);
        SandboxUser user = sandbox.register(new SandboxUser(id, organisation, accounts, permissions, state.minter(),
                state.clock()));
        return user(user).put("token", user.token());
    }

    private ObjectNode inject(JsonNode request) {
        String operation = request.path("operation").asText("");
        Route route = Arrays.stream(Route.values()).filter(candidate -> candidate.operationId().equals(operation))
                .findFirst().orElseThrow(() -> new Refusal(400, "operation must be one of the spec's operationIds "
                        + Arrays.stream(Route.values()).map(Route::operationId).toList() + ", was \"" + operation + "\""));
        int times = request.path("times").asInt(1);
        if (times < 1 || times > 1000) {
            throw new Refusal(400, "times must be 1–1000, was " + times);
        }
        Fault fault = fault(request.path("fault"));
        sandbox.inject(route, fault, times);
        return mapper.createObjectNode().put("operation", operation).put("fault", fault.toString()).put("times", times);
    }

    private Fault fault(JsonNode fault) {
        String kind = fault.path("kind").asText("");
        return switch (kind) {
            case "meta_error" -> Fault.metaError(fault.path("code").asLong(Fault.DEFAULT_META_ERROR_CODE));
            case "rate_limited" -> Fault.rateLimited(Duration.ofSeconds(fault.path("retry_after_seconds").asLong(1)));
            case "unavailable" -> Fault.unavailable();
            case "delay" -> Fault.delay(millis(fault, "delay_ms"));
            case "drop_connection" -> Fault.dropConnection();
            case "reset_connection" -> Fault.resetConnection();
            case "answer_lost" -> Fault.answerLost();
            case "truncated_body" -> Fault.truncatedBody();
            case "dripping_body" -> Fault.drippingBody(millis(fault, "pause_ms"));
            case "stalled_body" -> Fault.stalledBody(millis(fault, "stall_ms"));
            case "lying_content_length" -> Fault.lyingContentLength();
            case "token_echoed_in_headers" -> Fault.tokenEchoedInHeaders();
            case "html_error_page" -> Fault.htmlErrorPage(status(fault));
            case "reply" -> Fault.reply(status(fault), fault.path("body").toString());
            default -> throw new Refusal(400, "fault.kind must be meta_error, rate_limited, unavailable, delay, "
                    + "drop_connection, reset_connection, answer_lost, truncated_body, dripping_body, stalled_body, "
                    + "lying_content_length, token_echoed_in_headers, html_error_page or reply, was \"" + kind + "\"");
        };
    }

    private static int status(JsonNode fault) {
        int status = fault.path("status").asInt(0);
        if (status < 100 || status > 599) {
            throw new Refusal(400, "fault.status must be 100–599, was " + fault.path("status"));
        }
        return status;
    }

    private ArrayNode journal() {
        ArrayNode list = mapper.createArrayNode();
        for (JournalEntry entry : sandbox.journal()) {
            ObjectNode item = list.addObject().put("protocol", entry.protocol()).put("method", entry.method())
                    .put("path", entry.path());
            entry.query().ifPresentOrElse(query -> item.put("query", query), () -> item.putNull("query"));
            item.put("status", entry.status());
            entry.route().ifPresentOrElse(route -> item.put("operation", route.operationId()),
                    () -> item.putNull("operation"));
            ObjectNode headers = item.putObject("headers");
            entry.headers().forEach((name, values) -> values.forEach(headers.withArray(name)::add));
            item.put("body", entry.body());
        }
        return list;
    }

    private ArrayNode sentMessages(List<SentMessage> messages) {
        ArrayNode list = mapper.createArrayNode();
        for (SentMessage message : messages) {
            ObjectNode item = list.addObject().put("account_id", message.accountId());
            if (message.to() == null) {
                item.putNull("to");
            } else {
                item.put("to", message.to());
            }
            item.put("type", message.type()).put("wamid", message.wamid()).set("request", message.request());
        }
        return list;
    }

    private ObjectNode violations() {
        ObjectNode answer = mapper.createObjectNode();
        state.problems().forEach(answer.putArray("violations")::add);
        return answer;
    }

    private ObjectNode wrongAccountStatus(JsonNode request) {
        int status = request.path("status").asInt(0);
        if (status < 200 || status > 599) {
            throw new Refusal(400, "status must be 200–599, was " + request.path("status"));
        }
        sandbox.answerWrongAccountWith(status);
        return mapper.createObjectNode().put("status", status);
    }

    private ObjectNode limits(JsonNode request) {
        long perSecond = request.path("throughput_per_second").asLong(0);
        long pairMillis = request.path("pair_interval_ms").asLong(0);
        if (perSecond < 0 || perSecond > 100_000 || pairMillis < 0 || pairMillis > 86_400_000) {
            throw new Refusal(400, "throughput_per_second must be 0–100000 and pair_interval_ms 0–86400000");
        }
        sandbox.limitMessages((int) perSecond, Duration.ofMillis(pairMillis));
        return mapper.createObjectNode().put("throughput_per_second", perSecond).put("pair_interval_ms", pairMillis);
    }

    /** Pact's state-change call: {@code state}, {@code params}, {@code action} (setup or teardown). */
    private ObjectNode providerState(JsonNode request) {
        String action = request.path("action").asText("setup");
        sandbox.resetScenario();
        ObjectNode values = mapper.createObjectNode();
        if (action.equals("teardown")) {
            return values;
        }
        if (!action.equals("setup")) {
            throw new Refusal(400, "action must be setup or teardown, was \"" + action + "\"");
        }
        String name = request.path("state").asText("");
        try {
            sandbox.setUpProviderState(name).forEach(values::put);
        } catch (IllegalArgumentException unknown) {
            throw new Refusal(400, unknown.getMessage());
        }
        return values;
    }

    private ObjectNode user(SandboxUser user) {
        ObjectNode item = mapper.createObjectNode().put("id", user.id()).put("organisation", user.organisation());
        user.accounts().stream().sorted().forEach(item.putArray("accounts")::add);
        ArrayNode permissions = item.putArray("permissions");
        user.permissions().stream().sorted().forEach(permission -> permissions.add(permission.name()));
        return item;
    }

    private JsonNode json(byte[] body, boolean required) {
        if (body.length == 0) {
            if (required) {
                throw new Refusal(400, "a JSON object body is required");
            }
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A duration in milliseconds from a fault's field: 1 s when absent, at most 60 s. */
    private static Duration millis(JsonNode fault, String field) {
        return Duration.ofMillis(Math.max(0, Math.min(60_000, fault.path(field).asLong(1000))));
    }

    private static JsonNode array(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (!value.isArray()) {
            throw new Refusal(400, "\"" + field + "\" must be an array");
        }
        return value;
    }

    private void send(ServerCall exchange, String method, String path, Answer answer, boolean closing)
            throws IOException {
        byte[] bytes = answer.body() == null ? new byte[0] : mapper.writeValueAsBytes(answer.body());
        Map<String, String> headers = bytes.length == 0 ? Map.of() : Map.of("Content-Type", "application/json");
        if (answer.documented()) {
            state.adminConformance().ifPresent(check -> check.checkResponse(method, path, answer.status(), headers,
                    bytes));
        }
        exchange.reply(answer.status(), headers, bytes, closing);
    }
}
