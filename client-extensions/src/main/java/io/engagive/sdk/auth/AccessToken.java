package io.engagive.sdk.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A checked bearer token and the expiry read from its JWT {@code exp} claim; its value never
 * leaves this package except as the {@code Authorization} header.
 */
public final class AccessToken {

    private static final String REDACTED = "[REDACTED]";

    private final String value;
    private final Instant expiresAt;

    AccessToken(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
    }

    String authorizationHeader() {
        return "Bearer " + value;
    }

    /** @return the {@code exp} claim, when the token is a JWT that has one */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Replaces every occurrence of this token in a text, for messages built from server output.
     *
     * @param text any text, may be null
     * @return the text without the token
     */
    public String redact(String text) {
        if (text == null || text.isEmpty() || !text.contains(value)) {
            return text;
        }
        return text.replace(value, REDACTED);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken && ((AccessToken) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccessToken[redacted, expiresAt=" + expiresAt + "]";
    }
}
