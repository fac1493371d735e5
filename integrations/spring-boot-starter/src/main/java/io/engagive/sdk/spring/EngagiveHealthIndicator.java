package io.engagive.sdk.spring;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.auth.TokenInfo;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.error.EngagiveException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health of the Engagive integration, named {@code engagive}: DOWN when the token is
 * missing, malformed or expired (and, with {@code engagive.health.reachability}, when one read-only
 * call fails); UP otherwise, with the days to expiry, and a {@code warning} detail inside
 * {@code engagive.health.expiry-warning}. It never shows the token.
 */
public final class EngagiveHealthIndicator implements HealthIndicator {

    private final TokenProvider tokens;
    private final EngagiveClient client;
    private final EngagiveProperties properties;
    private final Clock clock;

    /**
     * Creates the indicator.
     *
     * @param tokens the client's token source
     * @param client the client, for the reachability call
     * @param properties the settings
     * @param clock what now is
     */
    public EngagiveHealthIndicator(TokenProvider tokens, EngagiveClient client, EngagiveProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        TokenInfo token;
        try {
            token = TokenInfo.inspect(tokens.currentToken());
        } catch (EngagiveException unusable) {
            return Health.down().withDetail("token", "unusable").withDetail("error", unusable.getMessage()).build();
        } catch (RuntimeException providerFailed) {
            return Health.down().withDetail("token", "unavailable")
                    .withDetail("error", providerFailed.getClass().getSimpleName()).build();
        }
        Health.Builder health = Health.up().withDetail("token", "present");
        token.subject().ifPresent(subject -> health.withDetail("subject", subject));
        token.organisation().ifPresent(organisation -> health.withDetail("organisation", organisation));
        Instant now = clock.instant();
        if (token.expiresAt().isPresent()) {
            Instant expiry = token.expiresAt().get();
            Duration left = Duration.between(now, expiry);
            health.withDetail("expiresAt", expiry.toString()).withDetail("daysToExpiry", left.toDays());
            if (!expiry.isAfter(now)) {
                return health.down().withDetail("token", "expired").build();
            }
            if (left.compareTo(properties.getHealth().getExpiryWarning()) <= 0) {
                health.withDetail("warning", "The Engagive token expires in " + left.toDays()
                        + " day(s): generate a new one in the portal and rotate it before it does.");
            }
        }
        if (properties.getHealth().isReachability()) {
            return reachability(health);
        }
        return health.build();
    }

    private Health reachability(Health.Builder health) {
        String account = properties.getAccount();
        if (account == null || account.isBlank()) {
            return health.unknown().withDetail("reachability", "set engagive.account to check it").build();
        }
        try {
            client.templateLookups().listTemplateCategories(account);
            return health.withDetail("reachability", "ok").build();
        } catch (EngagiveException failed) {
            return health.down().withDetail("reachability", failed.getClass().getSimpleName())
                    .withDetail("error", failed.getMessage()).build();
        }
    }
}
