package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The 502 bodies with which Engagive passes on a send that WhatsApp (Meta) refused, as Meta words its errors. */
final class MetaErrors {

    private MetaErrors() {
    }

    /** Meta's answer to a template name it does not know in that language (code 132001). */
    static ObjectNode templateMissing(Exchange exchange) {
        return body(exchange, 132001, "(#132001) Template name does not exist in the translation",
                "template name does not exist in the translation");
    }

    /** Meta's answer to a template send without a template name or language (code 131008). */
    static ObjectNode requiredParameterMissing(Exchange exchange) {
        return body(exchange, 131008, "(#131008) Required parameter is missing",
                "content_json needs template_name and lang_code");
    }

    private static ObjectNode body(Exchange exchange, int code, String message, String details) {
        ObjectNode body = exchange.envelope(false, 502, "WhatsApp API request failed");
        body.put("error", message);
        ObjectNode error = body.putObject("metaResponse").putObject("error");
        error.put("message", message).put("type", "OAuthException").put("code", code);
        error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        error.put("fbtrace_id", "AbCdEfGhIjK");
        return body;
    }
}
