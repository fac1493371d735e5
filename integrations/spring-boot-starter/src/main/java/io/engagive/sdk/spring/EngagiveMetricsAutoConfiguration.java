package io.engagive.sdk.spring;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.micrometer.MicrometerCallListener;
import io.engagive.sdk.micrometer.TokenExpiryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * When the application has Micrometer and {@code engagive-micrometer}: every call as an
 * observation in the application's registries (timer {@code engagive.client.calls}, and spans
 * when a tracing bridge is configured), the retry and token-refusal counters, and the gauge of the
 * token's days to expiry.
 */
@AutoConfiguration(before = EngagiveAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MicrometerCallListener.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class EngagiveMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring Boot does. */
    public EngagiveMetricsAutoConfiguration() {
    }

    /**
     * Registers the Micrometer listener on the client: observations go to the application's
     * {@link ObservationRegistry} when it has one (its meter and tracing handlers decide what they
     * become), straight to the {@link MeterRegistry} otherwise.
     *
     * @param meters the application's meter registry
     * @param observations the application's observation registry, if any
     * @return the customizer
     */
    @Bean
    public EngagiveClientCustomizer engagiveMicrometerCustomizer(MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        MicrometerCallListener listener = observations.getIfAvailable() == null ? MicrometerCallListener.of(meters)
                : MicrometerCallListener.of(meters, observations.getIfAvailable());
        return builder -> builder.listener(listener);
    }

    /**
     * The gauge {@code engagive.client.token.remaining} of the client's token, bound by Spring Boot.
     *
     * @param tokens the client's token source
     * @return the meter binder
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenExpiryMetrics engagiveTokenExpiryMetrics(TokenProvider tokens) {
        return new TokenExpiryMetrics(tokens);
    }
}
