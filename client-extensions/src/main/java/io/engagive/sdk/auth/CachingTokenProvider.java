package io.engagive.sdk.auth;

import io.engagive.sdk.internal.auth.TokenReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TokenProvider} that asks an expensive source (a vault, a secret manager) at most once per
 * time-to-live, and early when the cached JWT is about to expire; concurrent callers share one
 * fetch. When a refresh fails while the cached token has not expired, that token is served and the
 * source is asked again after a tenth of the time-to-live. The single fetch is guarded by a {@link ReentrantLock},
 * never a monitor, so a virtual thread waiting on a slow source does not pin its carrier.
 */
final class CachingTokenProvider implements TokenProvider {

    private final TokenProvider source;
    private final Duration timeToLive;
    private final Duration refreshAhead;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached cached;

    CachingTokenProvider(TokenProvider source, Duration timeToLive, Duration refreshAhead, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.timeToLive = positive(timeToLive, "timeToLive");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String currentToken() {
        Cached current = cached;
        if (current != null && current.freshAt(clock.instant())) {
            return current.token;
        }
        refreshing.lock();
        try {
            current = cached;
            Instant now = clock.instant();
            if (current != null && current.freshAt(now)) {
                return current.token;
            }
            try {
                String token = source.currentToken();
                cached = new Cached(token, now.plus(timeToLive), refreshDue(token));
                return token;
            } catch (RuntimeException failed) {
                if (current == null || current.expiredAt(now)) {
                    throw failed;
                }
                cached = new Cached(current.token, now.plus(timeToLive.dividedBy(10)), current.expiresAt);
                return current.token;
            }
        } finally {
            refreshing.unlock();
        }
    }

    /** Returns when the token should be fetched again ahead of its JWT expiry, or null for an opaque token. */
    private Instant refreshDue(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            Instant expiry = TokenReader.claims(TokenReader.bare(token.strip())).expiresAt();
            return expiry == null ? null : expiry.minus(refreshAhead);
        } catch (TokenReader.Refusal notAJwt) {
            return null;
        }
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "CachingTokenProvider[" + source + ", timeToLive=" + timeToLive + "]";
    }

    /** A fetched token, until when it is served, and when its JWT expiry asks for an early refresh. */
    private record Cached(String token, Instant servedUntil, Instant expiresAt) {

        boolean freshAt(Instant now) {
            return now.isBefore(servedUntil) && (expiresAt == null || now.isBefore(expiresAt));
        }

        boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
