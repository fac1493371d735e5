package io.engagive.sdk.error;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The token was missing, malformed, invalid or expired: refused by the API with 401, or refused
 * locally before any request was sent.
 */
public final class AuthenticationException extends EngagiveException {

    private static final long serialVersionUID = 1L;

    /** Why authentication failed, as far as the response or the token itself tells. */
    public enum Reason {
        /** No token was configured, or the request carried none. */
        MISSING_TOKEN,
        /** The token is not a well-formed bearer JWT. */
        MALFORMED_TOKEN,
        /** The API refused the token as invalid (bad signature, revoked, unknown). */
        INVALID_TOKEN,
        /** The token's expiry has passed. */
        EXPIRED_TOKEN,
        /** The API refused the token without saying why. */
        UNKNOWN
    }

    /** Why it failed. */
    private final Reason reason;
    /** When the token expired, or null when not known. */
    private final Instant expiredAt;
    /** Whether a request was sent. */
    private final boolean sentToServer;

    /**
     * Creates the authentication exception.
     *
     * @param message the user-facing message
     * @param context what is known about the failed call
     * @param reason why authentication failed
     * @param expiredAt when the token expired, or null when not known
     * @param sentToServer whether a request was sent (false for local refusals)
     */
    public AuthenticationException(String message, ErrorContext context, Reason reason, Instant expiredAt,
            boolean sentToServer) {
        super(message, context, null);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.expiredAt = expiredAt;
        this.sentToServer = sentToServer;
    }

    /**
     * Returns why authentication failed.
     *
     * @return why authentication failed
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns when the token expired, when its {@code exp} claim tells.
     *
     * @return when the token expired, when its {@code exp} claim tells
     */
    public Optional<Instant> expiredAt() {
        return Optional.ofNullable(expiredAt);
    }

    /**
     * Tells whether a request was sent: false when the client refused the token locally.
     *
     * @return false when the client refused the token locally and sent nothing
     */
    public boolean sentToServer() {
        return sentToServer;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
