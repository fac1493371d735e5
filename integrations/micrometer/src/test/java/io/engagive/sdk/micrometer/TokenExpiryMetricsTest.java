package io.engagive.sdk.micrometer;

import static io.micrometer.core.tck.MeterRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gauge follows the provider's current token, never shows it, and is NaN when the expiry is unknown. */
class TokenExpiryMetricsTest {

    private static EngagiveSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = EngagiveSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theGaugeShowsTheDaysLeftOfTheTokenTheProviderGivesNow() {
        String tenDays = sandbox.defaultUser().token(Duration.ofDays(10));
        AtomicReference<String> current = new AtomicReference<>(tenDays);
        Instant now = Instant.now();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new TokenExpiryMetrics(current::get, Clock.fixed(now, ZoneOffset.UTC)).bindTo(meters);

        assertThat(meters.get(TokenExpiryMetrics.DAYS_REMAINING).gauge().value()).isCloseTo(10, within(0.01));

        current.set(sandbox.defaultUser().expiredToken());
        assertThat(meters.get(TokenExpiryMetrics.DAYS_REMAINING).gauge().value()).isNegative();
    }

    @Test
    void theGaugeIsNotANumberWhenThereIsNoTokenOrItCannotBeRead() {
        AtomicReference<String> current = new AtomicReference<>(null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new TokenExpiryMetrics(current::get).bindTo(meters);

        assertThat(meters.get(TokenExpiryMetrics.DAYS_REMAINING).gauge().value()).isNaN();
        current.set("not-a-jwt");
        assertThat(meters.get(TokenExpiryMetrics.DAYS_REMAINING).gauge().value()).isNaN();
        current.set("a.b.c");
        assertThat(meters.get(TokenExpiryMetrics.DAYS_REMAINING).gauge().value()).isNaN();
    }

    @Test
    void aProviderThatThrowsMakesTheGaugeNotANumberInsteadOfFailingTheScrape() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new TokenExpiryMetrics(() -> {
            throw new IllegalStateException("vault unreachable");
        }).bindTo(meters);

        assertThat(meters.scrape()).contains("engagive_client_token_remaining_days NaN");
    }

    @Test
    void aScrapeShowsTheDaysButNeverTheToken() {
        String token = sandbox.defaultUser().token(Duration.ofDays(30));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new TokenExpiryMetrics(() -> token).bindTo(meters);

        assertThat(meters).hasMeterWithName(TokenExpiryMetrics.DAYS_REMAINING);
        assertThat(meters.scrape()).contains("engagive_client_token_remaining_days 29.9")
                .doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }
}
