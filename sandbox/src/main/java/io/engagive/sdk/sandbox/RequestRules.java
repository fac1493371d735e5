package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules the spec states for the message bodies, and only those, each with a message that says
 * what is wrong: {@code to} is 7–15 digits, {@code whatsapp_message_id} a {@code wamid.…} id, the
 * send-template {@code content_json} an object whose known keys have their documented types.
 */
final class RequestRules {

    /** The spec's pattern for {@code to}: 7–15 digits, country code first, nothing else. */
    static final Pattern PHONE = Pattern.compile("[0-9]{7,15}");
    private static final Pattern WAMID = Pattern.compile("wamid\\..+", Pattern.DOTALL);

    private RequestRules() {
    }

    /** Returns what is wrong with the body's {@code to}, if anything. */
    static Optional<String> recipient(JsonNode body) {
        JsonNode to = body.get("to");
        if (to == null) {
            return Optional.of("\"to\" is required: the recipient's number, 7–15 digits with the country code");
        }
        if (!to.isTextual()) {
            return Optional.of("\"to\" must be a string of 7–15 digits, was " + kind(to));
        }
        if (!PHONE.matcher(to.asText()).matches()) {
            return Optional.of("\"to\" must be 7–15 digits: the recipient's number with the country code, without"
                    + " \"+\", spaces or dashes");
        }
        return Optional.empty();
    }

    /** Returns what is wrong with a send-template {@code content_json}, if anything. */
    static Optional<String> templateContent(JsonNode content) {
        if (content == null) {
            return Optional.of("\"content_json\" is required");
        }
        if (!content.isObject()) {
            return Optional.of("\"content_json\" must be an object, was " + kind(content));
        }
        for (String key : new String[] {"template_name", "lang_code"}) {
            if (content.has(key) && !content.get(key).isTextual()) {
                return Optional.of("\"content_json." + key + "\" must be a string, was " + kind(content.get(key)));
            }
        }
        JsonNode components = content.get("components");
        if (components == null) {
            return Optional.empty();
        }
        if (!components.isArray()) {
            return Optional.of("\"content_json.components\" must be an array, was " + kind(components));
        }
        for (int i = 0; i < components.size(); i++) {
            if (!components.get(i).isObject()) {
                return Optional.of("\"content_json.components[" + i + "]\" must be an object, was "
                        + kind(components.get(i)));
            }
        }
        return Optional.empty();
    }

    /** Returns what is wrong with a send-reaction body's message id and emoji, if anything. */
    static Optional<String> reaction(JsonNode body) {
        JsonNode target = body.get("whatsapp_message_id");
        if (target == null) {
            return Optional.of("\"whatsapp_message_id\" is required: the wamid.… id of the message to react to");
        }
        if (!target.isTextual() || !WAMID.matcher(target.asText()).matches()) {
            return Optional.of("\"whatsapp_message_id\" must be a WhatsApp message id starting with \"wamid.\"");
        }
        JsonNode emoji = body.get("emoji");
        if (emoji == null) {
            return Optional.of("\"emoji\" is required");
        }
        if (!emoji.isTextual()) {
            return Optional.of("\"emoji\" must be a string, was " + kind(emoji));
        }
        return Optional.empty();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            default -> "not a JSON value";
        };
    }
}
