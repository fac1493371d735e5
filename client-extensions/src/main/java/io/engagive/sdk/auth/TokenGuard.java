package io.engagive.sdk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.AuthenticationException.Reason;
import io.engagive.sdk.error.ErrorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the provider's current token and checks it before any request: present, a bearer token
 * (RFC 6750 characters only), a three-part JWT, and not expired; warns once when it nears expiry.
 */
public final class TokenGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGuard.class);
    private static final Pattern BEARER_PREFIX = Pattern.compile("^[Bb][Ee][Aa][Rr][Ee][Rr] ");
    private static final Pattern RFC6750_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern BASE64URL_PART = Pattern.compile("[A-Za-z0-9_\\-]+={0,2}");
    private static final String NEW_TOKEN_ADVICE =
            "Generate a new API access token in the Engagive portal under Profile → API access token.";

    private final TokenProvider provider;
    private final Clock clock;
    private final Duration warningWindow;
    private final boolean jwtChecks;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Checked lastChecked;

    /**
     * @param provider where tokens come from
     * @param clock the clock expiry is judged by
     * @param warningWindow how long before expiry to warn
     * @param jwtChecks whether to require a JWT and read its expiry (false for opaque tokens)
     */
    public TokenGuard(TokenProvider provider, Clock clock, Duration warningWindow, boolean jwtChecks) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warningWindow = Objects.requireNonNull(warningWindow, "warningWindow");
        this.jwtChecks = jwtChecks;
    }

    /**
     * Returns the token to send for a request, or refuses it with a typed error that names the
     * problem and never echoes the token.
     *
     * @param method the HTTP method of the request about to be sent
     * @param path its path, for the error context
     * @return the checked token
     * @throws AuthenticationException when the token is missing, malformed or expired
     */
    public AccessToken resolve(String method, String path) {
        String raw = currentRaw(method, path);
        Checked checked = lastChecked;
        if (checked == null || !checked.raw.equals(raw)) {
            checked = new Checked(raw, check(raw, method, path));
            lastChecked = checked;
        }
        AccessToken token = checked.token;
        Instant expiry = token.expiresAt().orElse(null);
        if (expiry != null) {
            Instant now = clock.instant();
            if (!now.isBefore(expiry)) {
                throw new AuthenticationException("The Engagive API token expired at " + expiry
                        + "; the API would answer 401, so no request was sent. " + NEW_TOKEN_ADVICE,
                        ErrorContext.forRequest(method, path).build(), Reason.EXPIRED_TOKEN, expiry, false);
            }
            if (now.plus(warningWindow).isAfter(expiry) && checked.warned.compareAndSet(false, true)) {
                LOG.warn("The Engagive API token expires at {} (in {} days). {}", expiry,
                        Duration.between(now, expiry).toDays(), NEW_TOKEN_ADVICE);
            }
        }
        return token;
    }

    private String currentRaw(String method, String path) {
        String raw;
        try {
            raw = provider.currentToken();
        } catch (RuntimeException e) {
            String detail = e instanceof UncheckedIOException ? e.getMessage() : e.getClass().getSimpleName();
            throw refused(Reason.MISSING_TOKEN, "The token provider " + provider + " failed (" + detail
                    + "), so no request was sent.", method, path);
        }
        if (raw == null || raw.isBlank()) {
            throw refused(Reason.MISSING_TOKEN, "No Engagive API token is configured (" + provider
                    + " gave none), so no request was sent. " + NEW_TOKEN_ADVICE
                    + " Then set it, e.g. in " + TokenProvider.DEFAULT_ENVIRONMENT_VARIABLE + ".", method, path);
        }
        return raw;
    }

    private AccessToken check(String raw, String method, String path) {
        String token = BEARER_PREFIX.matcher(raw).replaceFirst("");
        if (token.isEmpty()) {
            throw refused(Reason.MISSING_TOKEN, "The configured Engagive API token is only the word 'Bearer'. "
                    + NEW_TOKEN_ADVICE, method, path);
        }
        if (!RFC6750_TOKEN.matcher(token).matches()) {
            throw refused(Reason.MALFORMED_TOKEN, "The configured Engagive API token contains characters a bearer "
                    + "token cannot have (" + describeBadCharacters(token) + "); check for a stray line break, "
                    + "space or quote where it was pasted. No request was sent.", method, path);
        }
        if (!jwtChecks) {
            return new AccessToken(token, null);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !BASE64URL_PART.matcher(parts[0]).matches()
                || !BASE64URL_PART.matcher(parts[1]).matches() || !BASE64URL_PART.matcher(parts[2]).matches()) {
            throw refused(Reason.MALFORMED_TOKEN, "The configured Engagive API token is not a JWT (three base64url "
                    + "parts separated by dots, found " + parts.length + " part(s)). Use the API access token from "
                    + "the portal, not a session cookie or an API key. No request was sent.", method, path);
        }
        return new AccessToken(token, readExpiry(parts[1], method, path));
    }

    private Instant readExpiry(String payloadPart, String method, String path) {
        JsonNode payload;
        try {
            payload = mapper.readTree(Base64.getUrlDecoder().decode(payloadPart));
        } catch (IOException | IllegalArgumentException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            throw refused(Reason.MALFORMED_TOKEN, "The configured Engagive API token is not a JWT: its payload is not "
                    + "base64url-encoded JSON. No request was sent.", method, path);
        }
        JsonNode exp = payload.get("exp");
        if (exp == null || exp.isNull()) {
            return null;
        }
        if (!exp.isNumber()) {
            throw refused(Reason.MALFORMED_TOKEN, "The configured Engagive API token has an 'exp' claim that is not "
                    + "a number. No request was sent.", method, path);
        }
        return Instant.ofEpochSecond(exp.longValue());
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
        return "a character outside A-Z a-z 0-9 - . _ ~ + / =";
    }

    private static AuthenticationException refused(Reason reason, String message, String method, String path) {
        return new AuthenticationException(message, ErrorContext.forRequest(method, path).build(), reason, null, false);
    }

    /** The last raw token seen, its checked form, and whether its expiry warning was logged. */
    private static final class Checked {
        private final String raw;
        private final AccessToken token;
        private final AtomicBoolean warned = new AtomicBoolean();

        Checked(String raw, AccessToken token) {
            this.raw = raw;
            this.token = token;
        }
    }
}
