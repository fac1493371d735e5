package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The message routes: each body held to exactly the rules the spec states (no stricter, no
 * laxer), the message recorded with a new {@code wamid.…} id and answered as Engagive does. A
 * send-template whose {@code content_json} names no approved template is refused the way Meta
 * refuses it, as a 502 carrying Meta's error.
 */
final class Sends {

    private final SandboxState state;
    private final SecureRandom random = new SecureRandom();

    Sends(SandboxState state) {
        this.state = state;
    }

    void sendTemplate(RouteCall call) throws IOException {
        Optional<JsonNode> body = objectBody(call);
        if (body.isEmpty()) {
            return;
        }
        Optional<String> problem = RequestRules.recipient(body.get())
                .or(() -> RequestRules.templateContent(body.get().get("content_json")));
        if (problem.isPresent()) {
            call.exchange().error(400, "Validation failed", problem.get());
            return;
        }
        JsonNode content = body.get().get("content_json");
        if (!content.path("template_name").isTextual() || !content.path("lang_code").isTextual()) {
            call.exchange().reply(502, MetaErrors.requiredParameterMissing());
            return;
        }
        if (!state.store().hasApprovedTemplate(call.accountId(), content.get("template_name"))) {
            call.exchange().reply(502, MetaErrors.templateMissing());
            return;
        }
        record(call, body.get(), "template", "Template message sent successfully", true);
    }

    void sendReaction(RouteCall call) throws IOException {
        Optional<JsonNode> body = objectBody(call);
        if (body.isEmpty()) {
            return;
        }
        Optional<String> problem = RequestRules.recipient(body.get()).or(() -> RequestRules.reaction(body.get()));
        if (problem.isPresent()) {
            call.exchange().error(400, "Validation failed", problem.get());
            return;
        }
        record(call, body.get(), "reaction", "Reaction sent", false);
    }

    void sendSingle(RouteCall call) throws IOException {
        Optional<JsonNode> body = objectBody(call);
        if (body.isPresent()) {
            String type = body.get().path("type").isTextual() ? body.get().get("type").asText() : "unknown";
            record(call, body.get(), type, "Message sent", true);
        }
    }

    /** Returns the body when it is a JSON object, as every send route's spec says; otherwise answers 400. */
    private Optional<JsonNode> objectBody(RouteCall call) throws IOException {
        JsonNode body;
        try {
            body = call.exchange().body().isBlank() ? null : state.mapper().readTree(call.exchange().body());
        } catch (JsonProcessingException e) {
            call.exchange().error(400, "Validation failed", "The request body is not valid JSON");
            return Optional.empty();
        }
        if (body == null) {
            call.exchange().error(400, "Validation failed", "The request body is required");
            return Optional.empty();
        }
        if (!body.isObject()) {
            call.exchange().error(400, "Validation failed", "The request body must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private void record(RouteCall call, JsonNode body, String type, String message, boolean withData)
            throws IOException {
        String to = body.path("to").isTextual() ? body.get("to").asText() : null;
        OptionalLong limited = state.limits().admit(call.accountId(), to, System.nanoTime());
        if (limited.isPresent()) {
            call.exchange().reply(502, MetaErrors.body(limited.getAsLong(), limited.getAsLong()
                    == MessageLimits.THROUGHPUT_LIMIT ? "the account's throughput limit of "
                    + state.limits().perSecond() + " messages per second was reached"
                    : "a message to this recipient was sent less than " + state.limits().pairInterval().toMillis()
                    + " ms ago"));
            return;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String wamid = "wamid." + Base64.getEncoder().withoutPadding().encodeToString(bytes);
        state.recordSent(new SentMessage(call.accountId(), to, type, body, wamid));
        ObjectNode data = state.mapper().createObjectNode();
        if (withData) {
            if (to != null) {
                data.put("to", to);
            }
            data.put("message_type", type);
        }
        ObjectNode meta = state.mapper().createObjectNode().put("messaging_product", "whatsapp");
        if (to != null) {
            meta.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        }
        meta.putArray("messages").addObject().put("id", wamid);
        call.exchange().ok(message, data, meta);
    }
}
