package io.engagive.sdk.internal.http;

import java.time.Instant;
import java.util.Optional;

/**
 * A checked bearer token and the expiry read from its JWT {@code exp} claim; its value never
 * leaves this package except as the {@code Authorization} header.
 */
final class AccessToken {

    private static final String REDACTED = "[REDACTED]";

    private final String value;
    private final Instant expiresAt;
    private volatile TokenEchoes echoes;

    /**
     * Creates a checked token.
     *
     * @param value the bearer token
     * @param expiresAt its expiry, or null
     */
    AccessToken(String value, Instant expiresAt) {
        this.value = value;
        this.expiresAt = expiresAt;
    }

    /**
     * Returns the value of the {@code Authorization} header this token is sent in; for the
     * transport only, never to be logged or shown.
     *
     * @return {@code Bearer <token>}
     */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    /**
     * Returns the {@code exp} claim of the token.
     *
     * @return the expiry, when the token is a JWT that has one
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Replaces every echo of this token in a text: the token itself, its base64 and that of
     * {@code Bearer <token>}, each also with any of its characters written as a JSON escape
     * ({@code \u002B}, {@code \/}), a percent-encoding ({@code %2B}) or an HTML character
     * reference ({@code &#43;}), in any mixture.
     *
     * @param text any text, may be null
     * @return the text without the token
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        TokenEchoes scanner = echoes;
        if (scanner == null) {
            scanner = new TokenEchoes(value);
            echoes = scanner;
        }
        return scanner.redact(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccessToken token && token.value.equals(value);
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
