package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** The message routes: each body checked, the message recorded with a new {@code wamid.…} id and answered as Engagive does. */
final class Sends {

    private static final Pattern PHONE = Pattern.compile("\\d{8,15}");

    private final SandboxState state;
    private final SecureRandom random = new SecureRandom();

    Sends(SandboxState state) {
        this.state = state;
    }

    void sendTemplate(RouteCall call) throws IOException {
        Optional<JsonNode> body = validBody(call);
        if (body.isEmpty()) {
            return;
        }
        JsonNode content = body.get().get("content_json");
        Optional<String> problem = templateProblem(content);
        if (problem.isPresent()) {
            call.exchange().error(400, "Validation failed", problem.get());
            return;
        }
        if (!state.store().hasApprovedTemplate(call.accountId(), content.get("template_name"))) {
            call.exchange().reply(502, metaTemplateMissing(call.exchange()));
            return;
        }
        record(call, body.get(), "template", "Template message sent successfully", true);
    }

    void sendReaction(RouteCall call) throws IOException {
        Optional<JsonNode> body = validBody(call);
        if (body.isEmpty()) {
            return;
        }
        JsonNode target = body.get().get("whatsapp_message_id");
        JsonNode emoji = body.get().get("emoji");
        if (target == null || !target.isTextual() || !target.asText().startsWith("wamid.")) {
            call.exchange().error(400, "Validation failed",
                    "\"whatsapp_message_id\" must be a WhatsApp message id (wamid.…)");
            return;
        }
        if (emoji == null || !emoji.isTextual()) {
            call.exchange().error(400, "Validation failed", "\"emoji\" is required");
            return;
        }
        record(call, body.get(), "reaction", "Reaction sent", false);
    }

    void sendSingle(RouteCall call) throws IOException {
        Optional<JsonNode> body = validBody(call);
        if (body.isPresent()) {
            String type = body.get().path("type").isTextual() ? body.get().get("type").asText() : "unknown";
            record(call, body.get(), type, "Message sent", true);
        }
    }

    /** Returns the body when it is a JSON object with a valid {@code to}; otherwise answers 400. */
    private Optional<JsonNode> validBody(RouteCall call) throws IOException {
        JsonNode body;
        try {
            body = call.exchange().body().isBlank() ? null : state.mapper().readTree(call.exchange().body());
        } catch (JsonProcessingException e) {
            call.exchange().error(400, "Validation failed", "The request body is not valid JSON");
            return Optional.empty();
        }
        if (body == null || !body.isObject()) {
            call.exchange().error(400, "Validation failed", "The request body must be a JSON object");
            return Optional.empty();
        }
        JsonNode to = body.get("to");
        if (to == null || !to.isTextual() || !PHONE.matcher(to.asText()).matches()) {
            call.exchange().error(400, "Validation failed",
                    "\"to\" is required: the recipient's phone number, digits only with country code");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private void record(RouteCall call, JsonNode body, String type, String message, boolean withData)
            throws IOException {
        String to = body.get("to").asText();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String wamid = "wamid." + Base64.getEncoder().withoutPadding().encodeToString(bytes);
        state.recordSent(new SentMessage(call.accountId(), to, type, body, wamid));
        ObjectNode data = state.mapper().createObjectNode();
        if (withData) {
            data.put("to", to).put("message_type", type);
        }
        ObjectNode meta = state.mapper().createObjectNode().put("messaging_product", "whatsapp");
        meta.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        meta.putArray("messages").addObject().put("id", wamid);
        call.exchange().ok(message, data, meta);
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

    private static ObjectNode metaTemplateMissing(Exchange exchange) {
        ObjectNode body = exchange.envelope(false, 502, "WhatsApp API request failed");
        body.put("error", "(#132001) Template name does not exist in the translation");
        ObjectNode error = body.putObject("metaResponse").putObject("error");
        error.put("message", "(#132001) Template name does not exist in the translation")
                .put("type", "OAuthException").put("code", 132001).put("fbtrace_id", "AbCdEfGhIjK");
        return body;
    }
}
