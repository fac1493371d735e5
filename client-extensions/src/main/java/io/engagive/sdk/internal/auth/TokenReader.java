package io.engagive.sdk.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.error.AuthenticationException.Reason;
import io.engagive.sdk.internal.Advice;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The one reader of API access tokens, for the client and the command-line tool alike: strips a
 * pasted {@code Bearer } prefix, checks RFC 6750 characters and reads the JWT claims.
 */
public final class TokenReader {


    private static final Pattern BEARER_PREFIX = Pattern.compile("^[Bb][Ee][Aa][Rr][Ee][Rr] ");
    private static final Pattern RFC6750_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern BASE64URL_PART = Pattern.compile("[A-Za-z0-9_\\-]+={0,2}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenReader() {
    }

    /** A token refused before anything was sent, with the reason and a message that never echoes it. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Reason reason;

        /**
         * Creates a refusal.
         *
         * @param reason why the token is refused
         * @param message what is wrong, never the token
         */
        public Refusal(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        /**
         * Returns why the token is refused.
         *
         * @return the reason
         */
        public Reason reason() {
            return reason;
        }
    }

    /**
     * What a JWT says about itself.
     *
     * @param subject the {@code sub} claim, or null
     * @param organisation the {@code org} claim, or null
     * @param issuedAt the {@code iat} claim, or null
     * @param expiresAt the {@code exp} claim, or null
     */
    public record Claims(String subject, String organisation, Instant issuedAt, Instant expiresAt) {
    }

    /**
     * Returns the bearer token without a pasted {@code Bearer } prefix, after checking its characters.
     *
     * @param raw the token as configured, not blank
     * @return the token to send
     * @throws Refusal when it is only the word Bearer or holds characters a bearer token cannot have
     */
    public static String bare(String raw) throws Refusal {
        String token = BEARER_PREFIX.matcher(raw).replaceFirst("");
        if (token.isEmpty()) {
            throw new Refusal(Reason.MISSING_TOKEN, "The configured Engagive API token is only the word 'Bearer'. "
                    + Advice.NEW_TOKEN);
        }
        if (!RFC6750_TOKEN.matcher(token).matches()) {
            throw new Refusal(Reason.MALFORMED_TOKEN, "The configured Engagive API token contains characters a bearer "
                    + "token cannot have (" + describeBadCharacters(token) + "); check for a stray line break, space "
                    + "or quote where it was pasted. No request was sent.");
        }
        return token;
    }

    /**
     * Reads the claims of a bare token that must be a JWT.
     *
     * @param token a token that passed {@link #bare}
     * @return its claims
     * @throws Refusal when it is not a JWT with a JSON payload, or its time claims are not valid times
     */
    public static Claims claims(String token) throws Refusal {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !BASE64URL_PART.matcher(parts[0]).matches()
                || !BASE64URL_PART.matcher(parts[1]).matches() || !BASE64URL_PART.matcher(parts[2]).matches()) {
            throw new Refusal(Reason.MALFORMED_TOKEN, "The configured Engagive API token is not a JWT (three base64url "
                    + "parts separated by dots, found " + parts.length + " part(s)). Use the API access token from the "
                    + "portal, not a session cookie or an API key. No request was sent.");
        }
        JsonNode payload;
        try {
            payload = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            throw new Refusal(Reason.MALFORMED_TOKEN, "The configured Engagive API token is not a JWT: its payload is "
                    + "not base64url-encoded JSON. No request was sent.");
        }
        return new Claims(text(payload.get("sub")), text(payload.get("org")), time(payload, "iat"),
                time(payload, "exp"));
    }

    private static String text(JsonNode claim) {
        return claim == null || claim.isNull() || claim.isContainerNode() ? null : claim.asText();
    }

    private static Instant time(JsonNode payload, String name) throws Refusal {
        JsonNode claim = payload.get(name);
        if (claim == null || claim.isNull()) {
            return null;
        }
        if (!claim.isNumber() || !claim.canConvertToLong()) {
            throw new Refusal(Reason.MALFORMED_TOKEN, "The configured Engagive API token has a '" + name + "' claim "
                    + "that is not a time in seconds. No request was sent.");
        }
        try {
            return Instant.ofEpochSecond(claim.longValue());
        } catch (DateTimeException outOfRange) {
            throw new Refusal(Reason.MALFORMED_TOKEN, "The configured Engagive API token has a '" + name + "' claim "
                    + "outside the range of dates. No request was sent.");
        }
    }

    private static String describeBadCharacters(String token) {
        if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
            return "a line break";
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            return "whitespace";
        }
        if (token.chars().anyMatch(Character::isISOControl)) {
            return "a control character";
        }
        if (token.chars().anyMatch(c -> c == '"' || c == '\'' || c == '“' || c == '”')) {
            return "a quote";
        }
        if (token.charAt(0) == '\uFEFF') {
            return "a byte-order mark";
        }
        return "a character outside A-Z a-z 0-9 - . _ ~ + / =";
    }
}
