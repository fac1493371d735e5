package io.engagive.sdk.cli;

import io.engagive.sdk.auth.TokenInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the tool says about a token: its claims as the client reads them, days left and a verdict; never the token. */
final class TokenSummary {

    static final Duration WARNING_WINDOW = Duration.ofDays(7);

    private final TokenInfo info;

    TokenSummary(TokenInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    Optional<Instant> expiresAt() {
        return info.expiresAt();
    }

    Optional<String> subject() {
        return info.subject();
    }

    boolean expiredAt(Instant now) {
        return info.expiredAt(now);
    }

    boolean expiresSoon(Instant now) {
        return info.expiresAt().filter(expiry -> !expiredAt(now) && now.plus(WARNING_WINDOW).isAfter(expiry))
                .isPresent();
    }

    Long daysLeft(Instant now) {
        return info.expiresAt().map(expiry -> Duration.between(now, expiry).toDays()).orElse(null);
    }

    String status(Instant now) {
        if (expiredAt(now)) {
            return "expired";
        }
        if (expiresSoon(now)) {
            return "expires soon";
        }
        return info.expiresAt().isEmpty() ? "valid (no expiry claim)" : "valid";
    }

    Map<String, Object> fields(Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", info.subject().orElse(null));
        fields.put("organisation", info.organisation().orElse(null));
        fields.put("issuedAt", info.issuedAt().map(Instant::toString).orElse(null));
        fields.put("expiresAt", info.expiresAt().map(Instant::toString).orElse(null));
        fields.put("daysLeft", daysLeft(now));
        fields.put("status", status(now));
        return fields;
    }
}
