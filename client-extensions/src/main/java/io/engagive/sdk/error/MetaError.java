package io.engagive.sdk.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's own error as Engagive passes it on in {@code metaResponse}: the Graph API error object
 * ({@code code}, {@code error_subcode}, {@code type}, {@code message}, {@code error_data.details},
 * {@code fbtrace_id}) and what it means for a sender ({@link #reason()}). Read leniently: any field
 * may be missing or of another type, and a code the table does not know is kept as a number.
 */
public final class MetaError {

    private final Long code;
    private final Long subcode;
    private final String type;
    private final String message;
    private final String details;
    private final String fbtraceId;

    private MetaError(Long code, Long subcode, String type, String message, String details, String fbtraceId) {
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.message = message;
        this.details = details;
        this.fbtraceId = fbtraceId;
    }

    /**
     * Reads Meta's error from a {@code metaResponse}: its {@code error} object, or the object itself
     * when it is the error.
     *
     * @param metaResponse the payload, any JSON
     * @return the error, or empty when the payload holds no error object
     */
    public static Optional<MetaError> from(JsonNode metaResponse) {
        if (metaResponse == null || !metaResponse.isObject()) {
            return Optional.empty();
        }
        JsonNode error = metaResponse.get("error");
        if (error == null || !error.isObject()) {
            if (!metaResponse.has("code") && !metaResponse.has("fbtrace_id")) {
                return Optional.empty();
            }
            error = metaResponse;
        }
        return Optional.of(new MetaError(number(error.get("code")), number(error.get("error_subcode")),
                text(error.get("type")), text(error.get("message")), text(error.path("error_data").get("details")),
                text(error.get("fbtrace_id"))));
    }

    /**
     * Returns Meta's error code, e.g. 131047.
     *
     * @return the code, when Meta gave a whole number
     */
    public Optional<Long> code() {
        return Optional.ofNullable(code);
    }

    /**
     * Returns Meta's {@code error_subcode} (Meta no longer sends it on newer API versions).
     *
     * @return the subcode, when present
     */
    public Optional<Long> subcode() {
        return Optional.ofNullable(subcode);
    }

    /**
     * Returns the Graph API error type, e.g. {@code OAuthException}.
     *
     * @return the type, when present
     */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * Returns Meta's message, e.g. {@code (#131047) Re-engagement message}; Meta says not to build handling on it.
     *
     * @return the message, when present
     */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /**
     * Returns {@code error_data.details}, Meta's explanation of this occurrence.
     *
     * @return the details, when present
     */
    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    /**
     * Returns the trace id Meta's support asks for.
     *
     * @return the fbtrace id, when present
     */
    public Optional<String> fbtraceId() {
        return Optional.ofNullable(fbtraceId);
    }

    /**
     * Returns what the code means for a sender.
     *
     * @return the reason, {@link MetaErrorReason#UNKNOWN} for a code the table does not know
     */
    public MetaErrorReason reason() {
        return MetaErrorReason.of(code());
    }

    /**
     * Returns the code, reason and advice on one line, e.g. for a log or a CLI.
     *
     * @return e.g. {@code Meta error 131047 (REENGAGEMENT_WINDOW): More than 24 hours ...}
     */
    public String describe() {
        return "Meta error " + (code == null ? "without a code" : code) + " (" + reason() + "): " + reason().advice();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetaError that && Objects.equals(code, that.code) && Objects.equals(subcode, that.subcode)
                && Objects.equals(type, that.type) && Objects.equals(message, that.message)
                && Objects.equals(details, that.details) && Objects.equals(fbtraceId, that.fbtraceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, subcode, type, message, details, fbtraceId);
    }

    @Override
    public String toString() {
        return "MetaError{code=" + code + ", reason=" + reason() + ", type=" + type + ", fbtraceId=" + fbtraceId + "}";
    }

    private static Long number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.asText().matches("-?\\d{1,18}")) {
            return Long.parseLong(node.asText());
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
