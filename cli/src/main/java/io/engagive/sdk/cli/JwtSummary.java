package io.engagive.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a JWT's payload says about itself (subject, organisation, issue and expiry times); never the token. */
final class JwtSummary {

    static final Duration WARNING_WINDOW = Duration.ofDays(7);

    private final String subject;
    private final String organisation;
    private final Instant issuedAt;
    private final Instant expiresAt;

    private JwtSummary(String subject, String organisation, Instant issuedAt, Instant expiresAt) {
        this.subject = subject;
        this.organisation = organisation;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * @param raw a token, with or without a leading {@code Bearer }
     * @return the summary, or empty when the token is not a JWT with a JSON payload
     */
    static Optional<JwtSummary> decode(String raw) {
        String token = raw.strip().replaceFirst("^[Bb]earer ", "");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new JwtSummary(text(payload, "sub"), text(payload, "org"), time(payload, "iat"),
                time(payload, "exp")));
    }

    private static String text(JsonNode payload, String claim) {
        JsonNode value = payload.get(claim);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode payload, String claim) {
        JsonNode value = payload.get(claim);
        return value != null && value.isNumber() ? Instant.ofEpochSecond(value.longValue()) : null;
    }

    Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    boolean expiresSoon(Instant now) {
        return expiresAt != null && !expiredAt(now) && now.plus(WARNING_WINDOW).isAfter(expiresAt);
    }

    Long daysLeft(Instant now) {
        return expiresAt == null ? null : Duration.between(now, expiresAt).toDays();
    }

    String status(Instant now) {
        if (expiredAt(now)) {
            return "expired";
        }
        if (expiresSoon(now)) {
            return "expires soon";
        }
        return expiresAt == null ? "valid (no expiry claim)" : "valid";
    }

    Map<String, Object> fields(Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("organisation", organisation);
        fields.put("issuedAt", issuedAt == null ? null : issuedAt.toString());
        fields.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        fields.put("daysLeft", daysLeft(now));
        fields.put("status", status(now));
        return fields;
    }
}
