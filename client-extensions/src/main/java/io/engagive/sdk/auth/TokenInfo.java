package io.engagive.sdk.auth;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.internal.Advice;
import io.engagive.sdk.internal.auth.TokenReader;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an API access token says about itself (subject, organisation, issue and expiry times),
 * read exactly as the client reads it before sending; never the token itself.
 */
public final class TokenInfo {

    private final String subject;
    private final String organisation;
    private final Instant issuedAt;
    private final Instant expiresAt;

    private TokenInfo(String subject, String organisation, Instant issuedAt, Instant expiresAt) {
        this.subject = subject;
        this.organisation = organisation;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Reads a token with the checks the client applies before every request (bearer characters, a
     * JWT with a JSON payload, time claims that are valid times), without judging its expiry.
     *
     * @param raw the token as configured; a pasted {@code Bearer } prefix is tolerated
     * @return what the token says
     * @throws AuthenticationException when it is missing or malformed; the message never echoes it
     */
    public static TokenInfo inspect(String raw) {
        try {
            if (raw == null || raw.isBlank()) {
                throw new TokenReader.Refusal(AuthenticationException.Reason.MISSING_TOKEN,
                        "No Engagive API token was given. " + Advice.NEW_TOKEN);
            }
            TokenReader.Claims claims = TokenReader.claims(TokenReader.bare(raw));
            return new TokenInfo(claims.subject(), claims.organisation(), claims.issuedAt(), claims.expiresAt());
        } catch (TokenReader.Refusal refusal) {
            throw new AuthenticationException(refusal.getMessage(), ErrorContext.forRequest("", "").build(),
                    refusal.reason(), null, false);
        }
    }

    /**
     * Returns the {@code sub} claim.
     *
     * @return the token's user, when it says
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * Returns the {@code org} claim.
     *
     * @return the token's organisation, when it says
     */
    public Optional<String> organisation() {
        return Optional.ofNullable(organisation);
    }

    /**
     * Returns the {@code iat} claim.
     *
     * @return when the token was issued, when it says
     */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /**
     * Returns the {@code exp} claim.
     *
     * @return when the token expires, when it says
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Tells whether the token has expired at a given time.
     *
     * @param now the time to judge by
     * @return true when its expiry is at or before {@code now}
     */
    public boolean expiredAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenInfo{subject=" + subject + ", organisation=" + organisation + ", issuedAt=" + issuedAt
                + ", expiresAt=" + expiresAt + "}";
    }
}
