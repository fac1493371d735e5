package io.engagive.sdk.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed Engagive error envelope ({@code success}, {@code statusCode}, {@code message},
 * {@code error}, {@code metaResponse}); every field is optional because the API documents none of
 * them as always present.
 */
public final class ErrorEnvelope {

    private final Boolean success;
    private final Integer statusCode;
    private final String message;
    private final String error;
    private final JsonNode metaResponse;

    private ErrorEnvelope(Boolean success, Integer statusCode, String message, String error, JsonNode metaResponse) {
        this.success = success;
        this.statusCode = statusCode;
        this.message = message;
        this.error = error;
        this.metaResponse = metaResponse;
    }

    /**
     * Reads the envelope fields from a JSON object, tolerating missing fields and unexpected types.
     *
     * @param body a parsed JSON body
     * @return the envelope, or empty when the body is not a JSON object
     */
    public static Optional<ErrorEnvelope> from(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        JsonNode success = body.get("success");
        JsonNode statusCode = body.get("statusCode");
        JsonNode meta = body.get("metaResponse");
        return Optional.of(new ErrorEnvelope(
                success != null && success.isBoolean() ? success.booleanValue() : null,
                statusCode != null && statusCode.canConvertToInt() && statusCode.isIntegralNumber()
                        ? statusCode.intValue() : null,
                text(body.get("message")),
                text(body.get("error")),
                meta == null || meta.isNull() ? null : meta.deepCopy()));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * Returns the {@code success} flag, when the body had a boolean one.
     *
     * @return the {@code success} flag, when the body had a boolean one
     */
    public Optional<Boolean> success() {
        return Optional.ofNullable(success);
    }

    /**
     * Returns the body's own {@code statusCode}, when present.
     *
     * @return the body's own {@code statusCode}, when present
     */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /**
     * Returns the {@code message} field, when present.
     *
     * @return the {@code message} field, when present
     */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /**
     * Returns the {@code error} field (as text), when present.
     *
     * @return the {@code error} field (as text), when present
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns Meta's own payload from {@code metaResponse}, when present (a copy).
     *
     * @return Meta's own payload from {@code metaResponse}, when present (a copy)
     */
    public Optional<JsonNode> metaResponse() {
        return Optional.ofNullable(metaResponse).map(JsonNode::deepCopy);
    }

    /**
     * Returns Meta's error from {@code metaResponse}, typed, whatever the status it came with (a 502,
     * or a 2xx whose {@code success} is false).
     *
     * @return Meta's error with its reason, when {@code metaResponse} holds one
     */
    public Optional<MetaError> metaError() {
        return Optional.ofNullable(metaResponse).flatMap(MetaError::from);
    }

    /**
     * The server's own description of the problem: {@code error}, else {@code message}.
     *
     * @return the text, when the envelope has one
     */
    public Optional<String> describe() {
        if (error != null && !error.isBlank()) {
            return Optional.of(error);
        }
        return Optional.ofNullable(message).filter(text -> !text.isBlank());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ErrorEnvelope that)) {
            return false;
        }
        return Objects.equals(success, that.success) && Objects.equals(statusCode, that.statusCode)
                && Objects.equals(message, that.message) && Objects.equals(error, that.error)
                && Objects.equals(metaResponse, that.metaResponse);
    }

    @Override
    public int hashCode() {
        return Objects.hash(success, statusCode, message, error, metaResponse);
    }

    @Override
    public String toString() {
        return "ErrorEnvelope{success=" + success + ", statusCode=" + statusCode + ", message=" + quoted(message)
                + ", error=" + quoted(error) + ", metaResponse=" + metaResponse + "}";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
