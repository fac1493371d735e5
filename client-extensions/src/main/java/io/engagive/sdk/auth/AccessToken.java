package io.engagive.sdk.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A checked bearer token and the expiry read from its JWT {@code exp} claim; its value never
 * leaves this package except as the {@code Authorization} header.
 */
public final class AccessToken {

    private static final String REDACTED = "[REDACTED]";

    private final String value;
    private final Instant expiresAt;
    private volatile Pattern echoes;

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
        return echoes().matcher(text).replaceAll(REDACTED);
    }

    private Pattern echoes() {
        Pattern compiled = echoes;
        if (compiled == null) {
            compiled = compileEchoes();
            echoes = compiled;
        }
        return compiled;
    }

    private Pattern compileEchoes() {
        byte[] bearer = authorizationHeader().getBytes(StandardCharsets.UTF_8);
        byte[] bare = value.getBytes(StandardCharsets.UTF_8);
        List<String> forms = List.of(value,
                unpadded(Base64.getEncoder().encodeToString(bare)),
                unpadded(Base64.getUrlEncoder().encodeToString(bare)),
                unpadded(Base64.getEncoder().encodeToString(bearer)),
                unpadded(Base64.getUrlEncoder().encodeToString(bearer)));
        return Pattern.compile(forms.stream().distinct().map(AccessToken::anyEncoding)
                .collect(Collectors.joining("|")));
    }

    private static String unpadded(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }

    /** A pattern matching the text with each character literal or escaped in any of the usual ways. */
    private static String anyEncoding(String text) {
        StringBuilder pattern = new StringBuilder(text.length() * 48);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String hex = String.format("%02x", (int) c);
            pattern.append("(?:").append(Pattern.quote(String.valueOf(c)))
                    .append("|\\\\u(?i:00").append(hex).append(')')
                    .append("|%(?i:").append(hex).append(')')
                    .append("|&#0*").append((int) c).append(';')
                    .append("|&#(?i:x0*").append(hex).append(");");
            if (c == '/') {
                pattern.append("|\\\\/");
            }
            pattern.append(')');
        }
        return pattern.toString();
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
