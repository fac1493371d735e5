package io.engagive.sdk.spring;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.auth.TokenProvider;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code engagive} health indicator, when the application has Actuator's health support and
 * neither {@code engagive.health.enabled} nor {@code management.health.engagive.enabled} is false.
 */
@AutoConfiguration(after = EngagiveAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(EngagiveClient.class)
@ConditionalOnProperty(prefix = "engagive.health", name = "enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("engagive")
public class EngagiveHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public EngagiveHealthAutoConfiguration() {
    }

    /**
     * The indicator, shown as {@code engagive} under {@code /actuator/health}.
     *
     * @param tokens the client's token source
     * @param client the client
     * @param properties the settings
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "engagiveHealthIndicator")
    public EngagiveHealthIndicator engagiveHealthIndicator(TokenProvider tokens, EngagiveClient client,
            EngagiveProperties properties) {
        return new EngagiveHealthIndicator(tokens, client, properties, Clock.systemUTC());
    }
}
