package io.engagive.sdk.micrometer;

import io.engagive.sdk.auth.TokenInfo;
import io.engagive.sdk.auth.TokenProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A gauge of the days until the token's {@code exp}, {@value #DAYS_REMAINING}, read from the token
 * provider each time the registry asks, so a rotated token shows at once; negative once expired,
 * NaN when there is no token, it is not a JWT or it has no {@code exp}. The token itself is never
 * a tag or a value. Wrap an expensive provider in {@link TokenProvider#caching} first.
 *
 * <pre>{@code
 * new TokenExpiryMetrics(tokens).bindTo(meterRegistry);
 * }</pre>
 */
public final class TokenExpiryMetrics implements MeterBinder {

    /** The gauge's name. */
    public static final String DAYS_REMAINING = "engagive.client.token.remaining";

    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final TokenProvider tokens;
    private final Clock clock;

    /**
     * Measures the tokens the provider gives, against the system clock.
     *
     * @param tokens the same provider the client uses
     */
    public TokenExpiryMetrics(TokenProvider tokens) {
        this(tokens, Clock.systemUTC());
    }

    /**
     * Measures the tokens the provider gives, against the given clock.
     *
     * @param tokens the same provider the client uses
     * @param clock what now is
     */
    public TokenExpiryMetrics(TokenProvider tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(DAYS_REMAINING, this, TokenExpiryMetrics::daysRemaining)
                .description("Days until the Engagive API token expires (negative once it has)")
                .baseUnit("days")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Returns the days until the current token expires.
     *
     * @return fractional days, negative once expired, NaN when unknown
     */
    public double daysRemaining() {
        try {
            Instant expiry = TokenInfo.inspect(tokens.currentToken()).expiresAt().orElse(null);
            return expiry == null ? Double.NaN
                    : Duration.between(clock.instant(), expiry).toMillis() / 1000.0 / SECONDS_PER_DAY;
        } catch (RuntimeException unreadableOrMissing) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "TokenExpiryMetrics{" + DAYS_REMAINING + "}";
    }
}
