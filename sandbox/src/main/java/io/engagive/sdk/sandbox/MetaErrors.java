package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 502 bodies with which Engagive passes on a send that WhatsApp (Meta) refused: Meta's Graph
 * API error object in {@code metaResponse}, titled as Meta's "Error codes" reference titles each
 * code (read 26 November 2026), with {@code error_data.details} and an {@code fbtrace_id}.
 */
final class MetaErrors {

    /** Meta's title for each code the sandbox can inject (200–299 share one title). */
    static final Map<Long, String> TITLES = titles();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetaErrors() {
    }

    /** Meta's answer to a template name it does not know in that language (code 132001). */
    static ObjectNode templateMissing() {
        return body(132001, "template name does not exist in the translation");
    }

    /** Meta's answer to a template send without a template name or language (code 131008). */
    static ObjectNode requiredParameterMissing() {
        return body(131008, "content_json needs template_name and lang_code");
    }

    /** The Engagive 502 envelope carrying Meta's error with this code. */
    static ObjectNode body(long code, String details) {
        String title = TITLES.getOrDefault(code, code >= 200 && code <= 299 ? TITLES.get(200L) : "Unknown error");
        String message = "(#" + code + ") " + title;
        ObjectNode body = MAPPER.createObjectNode().put("success", false).put("statusCode", 502)
                .put("message", "WhatsApp API request failed").put("error", message);
        ObjectNode error = body.putObject("metaResponse").putObject("error");
        error.put("message", message).put("type", "OAuthException").put("code", code);
        error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        error.put("fbtrace_id", "AbCdEfGhIjK" + Long.toString(code, 36));
        return body;
    }

    private static Map<Long, String> titles() {
        Map<Long, String> titles = new TreeMap<>();
        titles.put(0L, "AuthException");
        titles.put(1L, "API Unknown");
        titles.put(2L, "API Service");
        titles.put(3L, "API Method");
        titles.put(4L, "API Too Many Calls");
        titles.put(10L, "Permission Denied");
        titles.put(33L, "Parameter value is not valid");
        titles.put(100L, "Invalid parameter");
        titles.put(190L, "Access token has expired");
        titles.put(200L, "API Permission");
        titles.put(368L, "Temporarily blocked for policies violations");
        titles.put(80007L, "Rate limit issues");
        titles.put(130429L, "Rate limit hit");
        titles.put(130472L, "User's number is part of an experiment");
        titles.put(130497L, "Business account is restricted from messaging users in this country");
        titles.put(131000L, "Something went wrong");
        titles.put(131005L, "Access denied");
        titles.put(131008L, "Required parameter is missing");
        titles.put(131009L, "Parameter value is not valid");
        titles.put(131016L, "Service unavailable");
        titles.put(131021L, "Recipient cannot be sender");
        titles.put(131026L, "Message Undeliverable");
        titles.put(131031L, "Account has been locked");
        titles.put(131042L, "Business eligibility payment issue");
        titles.put(131047L, "Re-engagement message");
        titles.put(131048L, "Spam rate limit hit");
        titles.put(131049L, "Meta chose not to deliver");
        titles.put(131050L, "User has stopped marketing messages");
        titles.put(131051L, "Unsupported message type");
        titles.put(131052L, "Media download error");
        titles.put(131053L, "Media upload error");
        titles.put(131056L, "(Business Account, Consumer Account) pair rate limit hit");
        titles.put(132000L, "Number of parameters does not match the expected number of params");
        titles.put(132001L, "Template does not exist");
        titles.put(132005L, "Translated text too long");
        titles.put(132007L, "Template Format Character Policy Violated");
        titles.put(132012L, "Parameter format does not match format in the created template");
        titles.put(132015L, "Template is Paused");
        titles.put(132016L, "Template is Disabled");
        titles.put(133004L, "Server Temporarily Unavailable");
        return Map.copyOf(titles);
    }
}
