package io.engagive.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import feign.Response;
import io.engagive.sdk.auth.AccessToken;
import io.engagive.sdk.error.ApiErrorException;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.ErrorEnvelope;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.logging.SecretRedactor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an Engagive response that means failure (an error status, or a 2xx envelope with
 * {@code success: false}) into the typed exception for its meaning, with a message that says what
 * failed, the status, the server's own words and what to do next.
 */
public final class ErrorClassifier {

    static final int PREVIEW_CHARACTERS = 512;

    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray");
    private static final String NEW_TOKEN_ADVICE =
            "Generate a new API access token in the Engagive portal under Profile → API access token.";

    private final ObjectMapper mapper;
    private final String basePath;
    private final Clock clock;

    /**
     * Creates the classifier.
     *
     * @param mapper the JSON mapper
     * @param basePath the path part of the base URL, stripped from reported paths
     * @param clock the clock Retry-After dates and token expiry are judged by
     */
    public ErrorClassifier(ObjectMapper mapper, String basePath, Clock clock) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The exception for an error status; the body may be anything, including not JSON.
     *
     * @param response the response
     * @param body the start of its body
     * @return the typed exception
     */
    EngagiveException fromStatus(Response response, BoundedBody body) {
        Failure failure = failure(response, body);
        int status = response.status();
        int meant = status >= 400 && status <= 499 ? meaningOfClientError(status, failure) : status;
        return byStatus(meant, failure, meant == status ? "HTTP " + status : "HTTP " + status + ", meaning " + meant);
    }

    /**
     * "403 or error body": a wrong account may come back as an error envelope on another 4xx, so
     * the body's own {@code statusCode}, or its account refusal, outranks the HTTP status.
     */
    private static int meaningOfClientError(int status, Failure failure) {
        Optional<Integer> declared = failure.envelope.flatMap(ErrorEnvelope::statusCode)
                .filter(code -> code >= 400 && code <= 499);
        if (declared.isPresent()) {
            return declared.get();
        }
        String text = failure.serverText().orElse("").toLowerCase(Locale.ROOT);
        return isAccountRefusal(text) ? 403 : status;
    }

    private static boolean isAccountRefusal(String lowerCaseText) {
        return lowerCaseText.contains("account")
                && (lowerCaseText.contains("not allowed") || lowerCaseText.contains("forbidden")
                        || lowerCaseText.contains("not permitted") || lowerCaseText.contains("access denied"));
    }

    /**
     * The exception for a 2xx response whose envelope says it failed ("403 or error body"): the
     * body's own {@code statusCode} decides, else its text.
     */
    EngagiveException fromFailedEnvelope(Response response, BoundedBody body) {
        Failure failure = failure(response, body);
        int status = response.status();
        int meant = failure.envelope
                .flatMap(ErrorEnvelope::statusCode)
                .filter(code -> code >= 400 && code <= 599)
                .orElseGet(() -> statusFromText(failure.serverText().orElse("")));
        String shown = "HTTP " + status + " with success=false" + (meant > 0 ? ", meaning " + meant : "");
        if (meant <= 0) {
            return new ApiErrorException(message("The Engagive API reported a failure", shown, failure,
                    "The response did not say which kind; check the message and the request."), failure.context, null);
        }
        return byStatus(meant, failure, shown);
    }

    /** The exception for a 2xx body that is not the Engagive envelope. */
    EngagiveException unexpectedBody(Response response, BoundedBody body, String problem) {
        Failure failure = failure(response, body);
        return new UnexpectedResponseException(message("Unexpected response from the Engagive API",
                "HTTP " + response.status(), failure,
                problem + " A proxy, gateway or wrong base URL may have answered instead of the API."),
                failure.context, null);
    }

    private EngagiveException byStatus(int status, Failure failure, String shown) {
        ErrorContext context = failure.context;
        switch (status) {
            case 400:
            case 409:
            case 422:
                return new InvalidRequestException(message("The Engagive API rejected the request as invalid", shown,
                        failure, "Fix the request body, query or path parameters; sending it again unchanged will fail "
                                + "again."), context, null);
            case 401:
                return authentication(failure, shown);
            case 403:
                return permission(failure, shown);
            case 404:
            case 410:
                return new NotFoundException(message("Not found", shown, failure,
                        "Check the account id and template code; the resource may not exist or may belong to "
                                + "another organisation."), context, null);
            case 429:
                return new RateLimitedException(message("Rate limited by the Engagive API", shown, failure,
                        context.retryAfter().map(wait -> "Retry after " + wait.toSeconds() + " s.")
                                .orElse("Slow down and retry later.")), context);
            case 502:
                return new UpstreamException(message("WhatsApp (Meta) failed behind the Engagive API", shown, failure,
                        "See metaResponse for Meta's own error" + metaSummary(failure) + "."), context);
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerException(message("The Engagive API failed", shown, failure,
                            "This is on the server side; the same call may succeed later."), context, null);
                }
                return new ApiErrorException(message("Unexpected status from the Engagive API", shown, failure,
                        "This status is not documented for this API."), context, null);
        }
    }

    private AuthenticationException authentication(Failure failure, String shown) {
        String text = failure.serverText().orElse("").toLowerCase(Locale.ROOT);
        Instant expiry = failure.call.token().flatMap(AccessToken::expiresAt).orElse(null);
        boolean pastExpiry = expiry != null && !clock.instant().isBefore(expiry);
        AuthenticationException.Reason reason;
        if (text.contains("expired") && !text.contains("invalid") || pastExpiry) {
            reason = AuthenticationException.Reason.EXPIRED_TOKEN;
        } else if (text.contains("malformed")) {
            reason = AuthenticationException.Reason.MALFORMED_TOKEN;
        } else if (text.contains("missing") || text.contains("no bearer") || text.contains("no token")
                || text.contains("not provided")) {
            reason = AuthenticationException.Reason.MISSING_TOKEN;
        } else if (text.contains("invalid") || text.contains("signature")) {
            reason = AuthenticationException.Reason.INVALID_TOKEN;
        } else {
            reason = AuthenticationException.Reason.UNKNOWN;
        }
        String advice = pastExpiry ? "The token expired at " + expiry + ". " + NEW_TOKEN_ADVICE : NEW_TOKEN_ADVICE;
        return new AuthenticationException(message("Authentication failed", shown, failure, advice), failure.context,
                reason, pastExpiry ? expiry : null, true);
    }

    private PermissionException permission(Failure failure, String shown) {
        Operation operation = failure.call.operation();
        String text = failure.serverText().orElse("").toLowerCase(Locale.ROOT);
        PermissionException.Reason reason;
        String advice;
        if (text.contains("account")) {
            reason = PermissionException.Reason.ACCOUNT_NOT_ALLOWED;
            advice = "The token's user may not use this account: check the accountId on the account's HTTP API tab "
                    + "in the portal, or use a token of a user allowed on it.";
        } else if (text.contains("permission") || text.contains("role")) {
            reason = PermissionException.Reason.PERMISSION_MISSING;
            advice = "The token's user lacks the role permission \"" + operation.requiredPermission()
                    + "\"; ask a portal administrator to grant it, then generate a new token.";
        } else {
            reason = PermissionException.Reason.UNKNOWN;
            advice = "Either the account is not one the token's user may use, or the role lacks \""
                    + operation.requiredPermission() + "\".";
        }
        return new PermissionException(message("Permission denied", shown, failure, advice), failure.context, reason,
                operation.requiredPermission());
    }

    private static int statusFromText(String serverText) {
        String text = serverText.toLowerCase(Locale.ROOT);
        if (text.contains("token") || text.contains("unauthori") || text.contains("jwt")) {
            return 401;
        }
        if (text.contains("forbidden") || text.contains("not allowed") || text.contains("permission")
                || text.contains("access denied")) {
            return 403;
        }
        if (text.contains("not found")) {
            return 404;
        }
        return -1;
    }

    private Failure failure(Response response, BoundedBody body) {
        CallContext call = CallBody.callOf(response);
        AccessToken token = call.token().orElse(null);
        String text = SecretRedactor.redact(body.text(), token);
        ErrorEnvelope envelope = body.truncated() ? null
                : parse(body.text()).map(tree -> redactTree(tree, token)).flatMap(ErrorEnvelope::from).orElse(null);
        Map<String, Collection<String>> headers = response.headers();
        ErrorContext context = ErrorContext.forRequest(response.request().httpMethod().name(),
                        relativePath(response.request().url()))
                .httpStatus(response.status())
                .envelope(envelope)
                .requestId(oneLine(SecretRedactor.redact(firstHeader(headers, REQUEST_ID_HEADERS), token)))
                .bodyPreview(preview(text, body.truncated()))
                .retryAfter(retryAfter(headers).orElse(null))
                .build();
        return new Failure(context, Optional.ofNullable(envelope), call);
    }

    /** A copy of a parsed body with every string and field name redacted, so decoded escapes cannot hide the token. */
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
            node.fields().forEachRemaining(field ->
                    copy.set(SecretRedactor.redact(field.getKey(), token), redactTree(field.getValue(), token)));
            return copy;
        }
        return node;
    }

    private Optional<JsonNode> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String relativePath(String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            int query = url.indexOf('?');
            path = query < 0 ? url : url.substring(0, query);
        }
        if (path == null) {
            return "";
        }
        return !basePath.isEmpty() && path.startsWith(basePath) ? path.substring(basePath.length()) : path;
    }

    private static String preview(String text, boolean truncated) {
        StringBuilder preview = new StringBuilder(Math.min(text.length(), PREVIEW_CHARACTERS) + 16);
        int shown = Math.min(text.length(), PREVIEW_CHARACTERS);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            preview.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (truncated || text.length() > PREVIEW_CHARACTERS) {
            preview.append("…");
        }
        return preview.toString().strip();
    }

    /** The first header present, by the order of the names given (not the order the response lists them). */
    private static String firstHeader(Map<String, Collection<String>> headers, List<String> names) {
        for (String name : names) {
            for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().iterator().next();
                }
            }
        }
        return null;
    }

    private Optional<Duration> retryAfter(Map<String, Collection<String>> headers) {
        String value = firstHeader(headers, List.of("retry-after"));
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

    private static String metaSummary(Failure failure) {
        return failure.envelope
                .flatMap(ErrorEnvelope::metaResponse)
                .map(meta -> meta.path("error").path("message"))
                .filter(JsonNode::isTextual)
                .map(message -> " (Meta says: " + message.asText() + ")")
                .orElse("");
    }

    private static String message(String what, String shown, Failure failure, String advice) {
        StringBuilder message = new StringBuilder(what)
                .append(" (").append(shown).append(") on ")
                .append(failure.context.method()).append(' ').append(failure.context.path());
        Optional<String> serverText = failure.serverText();
        if (serverText.isPresent()) {
            message.append(": \"").append(serverText.get()).append('"');
        } else if (!failure.context.bodyPreview().isEmpty()) {
            message.append(", body: ").append(failure.context.bodyPreview());
        } else {
            message.append(", empty body");
        }
        message.append(". ").append(advice);
        failure.context.requestId().ifPresent(id -> message.append(" (request id ").append(id).append(')'));
        return message.toString();
    }

    /** The context of one failure, its parsed envelope (if the body was one) and the call it failed. */
    private static final class Failure {
        private final ErrorContext context;
        private final Optional<ErrorEnvelope> envelope;
        private final CallContext call;

        Failure(ErrorContext context, Optional<ErrorEnvelope> envelope, CallContext call) {
            this.context = context;
            this.envelope = envelope;
            this.call = call;
        }

        Optional<String> serverText() {
            return envelope.flatMap(ErrorEnvelope::describe).map(ErrorClassifier::oneLine);
        }
    }

    private static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() > PREVIEW_CHARACTERS ? flat.substring(0, PREVIEW_CHARACTERS) + "…" : flat;
    }
}
