package io.engagive.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveAsyncClient;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.micrometer.MicrometerCallListener;
import io.engagive.sdk.micrometer.TokenExpiryMetrics;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every condition of the starter with Spring Boot's ApplicationContextRunner, against the sandbox. */
class EngagiveAutoConfigurationTest {

    private static EngagiveSandbox sandbox;
    private static String token;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EngagiveAutoConfiguration.class,
                    EngagiveMetricsAutoConfiguration.class, EngagiveHealthAutoConfiguration.class));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = EngagiveSandbox.start();
        token = sandbox.defaultUser().token();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private ApplicationContextRunner configured() {
        return runner.withPropertyValues("engagive.base-url=" + sandbox.baseUrl(),
                "engagive.token.value=" + token, "engagive.account=1");
    }

    @Test
    void aTransportBeanOfTheApplicationCarriesTheCalls() {
        List<String> sent = new CopyOnWriteArrayList<>();
        HttpTransport recording = (request, call) -> {
            sent.add(request.method() + " " + request.uri().getRawPath());
            byte[] body = "{\"success\":true,\"message\":\"ok\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            return new TransportResponse(200, Map.of("Content-Type", List.of("application/json")),
                    new ByteArrayInputStream(body));
        };
        configured().withBean(HttpTransport.class, () -> recording).run(context -> {
            context.getBean(EngagiveClient.class).templates().listTemplates("1", null);

            assertThat(sent).singleElement().asString().endsWith("/channels/whatsapp/accounts/1/templates");
        });
    }

    @Test
    void propertiesMakeAClientThatCallsTheApi() {
        configured().withPropertyValues("engagive.read-timeout=7s", "engagive.retry.max-attempts=2").run(context -> {
            EngagiveClient engagive = context.getBean(EngagiveClient.class);

            assertThat(engagive.templates().listTemplates("1", null).getData()).isNotEmpty();
            assertThat(engagive.toString()).contains("readTimeout=PT7S", "maxAttempts=2", sandbox.baseUrl())
                    .doesNotContain(token);
        });
    }

    @Test
    void theAsyncViewIsABeanCompletingOnTheApplicationsNamedExecutor() {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        Executor named = task -> {
            ranOn.add("engagiveAsyncExecutor");
            task.run();
        };
        configured().withBean(EngagiveAutoConfiguration.ASYNC_EXECUTOR, Executor.class, () -> named).run(context -> {
            EngagiveAsyncClient async = context.getBean(EngagiveAsyncClient.class);

            assertThat(async.templates().listTemplates("1", null).get(30, TimeUnit.SECONDS).getData()).isNotEmpty();
            assertThat(ranOn).isNotEmpty();
        });
    }

    @Test
    void withoutANamedExecutorTheAsyncViewUsesTheClientsOwnThreads() {
        configured().withBean("someOtherExecutor", Executor.class, () -> task -> {
            throw new AssertionError("an executor not named engagiveAsyncExecutor must not be used");
        }).run(context -> assertThat(context.getBean(EngagiveAsyncClient.class).templates().listTemplates("1", null)
                .get(30, TimeUnit.SECONDS).getData()).isNotEmpty());
    }

    @Test
    void theTokenIsReadFromAFileWhenTheFileSaysSo() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), sandbox.defaultUser().token());

        runner.withPropertyValues("engagive.base-url=" + sandbox.baseUrl(), "engagive.token.file=" + token)
                .run(context -> assertThat(context.getBean(EngagiveClient.class).templates().listTemplates("1", null)
                        .getData()).isNotEmpty());
    }

    @Test
    void anApplicationsOwnClientAndTokenProviderWin() {
        EngagiveClient own = EngagiveClient.builder().baseUrl(sandbox.baseUrl()).token("a.b.c").build();
        TokenProvider ownTokens = () -> "x.y.z";

        configured().withBean(EngagiveClient.class, () -> own).withBean(TokenProvider.class, () -> ownTokens)
                .run(context -> {
                    assertThat(context.getBean(EngagiveClient.class)).isSameAs(own);
                    assertThat(context.getBean(TokenProvider.class)).isSameAs(ownTokens);
                });
    }

    @Test
    void customizersChangeTheBuilderAfterTheProperties() {
        configured().withPropertyValues("engagive.read-timeout=7s")
                .withBean(EngagiveClientCustomizer.class, () -> builder -> builder.readTimeout(Duration.ofSeconds(42)))
                .run(context -> assertThat(context.getBean(EngagiveClient.class).toString()).contains("readTimeout=PT42S"));
    }

    @Test
    void twoTokenSourcesFailStartUpNamingTheProperty() {
        configured().withPropertyValues("engagive.token.env=SOME_VARIABLE").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("engagive.token")
                    .hasMessageContaining("Set only one of");
        });
    }

    @Test
    void aValueTheClientRefusesFailsStartUpNamingTheProperty() {
        configured().withPropertyValues("engagive.base-url=http://api.example.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("engagive.base-url")
                    .hasMessageContaining("HTTPS only");
        });
        configured().withPropertyValues("engagive.read-timeout=-1s").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("engagive.read-timeout"));
    }

    @Test
    void theHealthIndicatorIsUpWithDaysToExpiryAndNeverShowsTheToken() {
        configured().run(context -> {
            HealthIndicator indicator = context.getBean("engagiveHealthIndicator", HealthIndicator.class);

            var health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKeys("daysToExpiry", "expiresAt").doesNotContainKey("warning");
            assertThat(health.toString()).doesNotContain(token);
        });
    }

    @Test
    void theHealthIndicatorWarnsInsideTheWindowAndIsDownOnceExpired() {
        runner.withPropertyValues("engagive.base-url=" + sandbox.baseUrl(),
                "engagive.token.value=" + sandbox.defaultUser().token(Duration.ofDays(2))).run(context ->
                assertThat(context.getBean("engagiveHealthIndicator", HealthIndicator.class).health().getDetails())
                        .containsKey("warning"));
        runner.withPropertyValues("engagive.base-url=" + sandbox.baseUrl(),
                "engagive.token.value=" + sandbox.defaultUser().expiredToken()).run(context ->
                assertThat(context.getBean("engagiveHealthIndicator", HealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.DOWN));
    }

    @Test
    void theReachabilityCheckMakesOneReadOnlyCall() {
        configured().withPropertyValues("engagive.health.reachability=true").run(context -> {
            long before = sandbox.journal().size();

            var health = context.getBean("engagiveHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("reachability", "ok");
            assertThat(sandbox.journal()).hasSize((int) before + 1);
            assertThat(sandbox.journal().get((int) before).method()).isEqualTo("GET");
        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOffOrBeAbsentWithoutActuator() {
        configured().withPropertyValues("engagive.health.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("engagiveHealthIndicator"));
        configured().withPropertyValues("management.health.engagive.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("engagiveHealthIndicator"));
        configured().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).doesNotHaveBean("engagiveHealthIndicator");
            assertThat(context).hasSingleBean(EngagiveClient.class);
        });
    }

    @Test
    void withAMeterRegistryCallsAreTimedAndTheTokensDaysAreAGauge() {
        configured().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(EngagiveClient.class).templates().listTemplates("1", null);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            context.getBean(TokenExpiryMetrics.class).bindTo(meters);

            assertThat(meters.get(MicrometerCallListener.CALLS).tag("operation", "listTemplates").timer().count())
                    .isEqualTo(1);
            assertThat(meters.get(TokenExpiryMetrics.DAYS_REMAINING).gauge().value()).isGreaterThan(29);
        });
    }

    @Test
    void withoutMicrometerTheClientIsStillThere() {
        configured().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MicrometerCallListener.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(EngagiveClient.class);
                    assertThat(context).doesNotHaveBean(TokenExpiryMetrics.class);
                });
        configured().run(context -> assertThat(context).doesNotHaveBean(TokenExpiryMetrics.class));
    }
}
