package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.ErrorEnvelope;
import java.io.IOException;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what a failed response tells: the envelope (parsed, then every string redacted, so JSON
 * escapes cannot hide the token), the request id by a fixed priority of headers, Retry-After, the
 * path relative to the base URL and a bounded, redacted body preview.
 */
final class FailedResponseReader {

    static final int PREVIEW_CHARACTERS = 512;

    private final ObjectMapper mapper;
    private final String basePath;
    private final Clock clock;

    FailedResponseReader(ObjectMapper mapper, String basePath, Clock clock) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    FailedResponse read(Attempt attempt, TransportResponse response, BoundedBody body) {
        AccessToken token = attempt.token();
        String text = SecretRedactor.redact(body.text(), token);
        ErrorEnvelope envelope = body.truncated() || body.cutShort() ? null
                : parse(body.text()).map(tree -> redactTree(tree, token)).flatMap(ErrorEnvelope::from).orElse(null);
        Map<String, List<String>> headers = response.headers();
        TransportRequest request = attempt.request();
        ErrorContext context = ErrorContext.forRequest(request.method(), relativePath(request.uri().getRawPath()))
                .httpStatus(response.status())
                .envelope(envelope)
                .requestId(ResponseHeaders.requestId(headers, token))
                .bodyPreview(preview(text, body))
                .retryAfter(retryAfter(headers).orElse(null))
                .build();
        return new FailedResponse(context, envelope, attempt);
    }

    private Optional<JsonNode> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readTree(text));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private JsonNode redactTree(JsonNode node, AccessToken token) {
        if (node.isTextual()) {
            return TextNode.valueOf(SecretRedactor.redact(node.textValue(), token));
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(item -> copy.add(redactTree(item, token)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.properties().forEach(field ->
                    copy.set(SecretRedactor.redact(field.getKey(), token), redactTree(field.getValue(), token)));
            return copy;
        }
        return node;
    }

    private String relativePath(String path) {
        if (path == null) {
            return "";
        }
        return !basePath.isEmpty() && path.startsWith(basePath) ? path.substring(basePath.length()) : path;
    }

    private static String preview(String text, BoundedBody body) {
        String shown = preview(text, body.truncated());
        if (!body.cutShort()) {
            return shown;
        }
        return (shown.isEmpty() ? "" : shown + " ") + "[cut short: the body ended or stalled before its declared end"
                + (body.bytes().length > 0 ? " after " + body.bytes().length + " bytes" : "") + "]";
    }

    private static String preview(String text, boolean truncated) {
        int shown = Math.min(text.length(), PREVIEW_CHARACTERS);
        StringBuilder preview = new StringBuilder(shown + 1);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            preview.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (truncated || text.length() > PREVIEW_CHARACTERS) {
            preview.append('…');
        }
        return preview.toString().strip();
    }

    private Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        String value = ResponseHeaders.first(headers, List.of("retry-after"));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
