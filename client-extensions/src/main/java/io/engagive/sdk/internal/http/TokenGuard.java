package io.engagive.sdk.internal.http;

import io.engagive.sdk.internal.auth.TokenReader;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.AuthenticationException.Reason;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.internal.Advice;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the provider's current token and checks it before any request: present, a bearer token
 * (RFC 6750 characters only), a three-part JWT, and not expired; warns once when it nears expiry.
 */
final class TokenGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGuard.class);

    private final TokenProvider provider;
    private final Clock clock;
    private final Duration warningWindow;
    private final boolean jwtChecks;
    private volatile Checked lastChecked;

    /**
     * Creates the token guard.
     *
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
                        + "; the API would answer 401, so no request was sent. " + Advice.NEW_TOKEN,
                        ErrorContext.forRequest(method, path).build(), Reason.EXPIRED_TOKEN, expiry, false);
            }
            if (now.plus(warningWindow).isAfter(expiry) && checked.warned.compareAndSet(false, true)) {
                LOG.warn("The Engagive API token expires at {} (in {} days). {}", expiry,
                        Duration.between(now, expiry).toDays(), Advice.NEW_TOKEN);
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
                    + " gave none), so no request was sent. " + Advice.NEW_TOKEN
                    + " Then set it, e.g. in " + TokenProvider.DEFAULT_ENVIRONMENT_VARIABLE + ".", method, path);
        }
        return raw;
    }

    private AccessToken check(String raw, String method, String path) {
        try {
            String token = TokenReader.bare(raw);
            return new AccessToken(token, jwtChecks ? TokenReader.claims(token).expiresAt() : null);
        } catch (TokenReader.Refusal refusal) {
            throw refused(refusal.reason(), refusal.getMessage(), method, path);
        }
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
