package io.engagive.sdk.micrometer;

import static io.micrometer.core.tck.MeterRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each call against the sandbox becomes one observation, a timer sample tagged by operation and outcome, and counters. */
class MicrometerCallListenerTest {

    private static EngagiveSandbox sandbox;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startSandbox() {
        sandbox = EngagiveSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void forgetFaults() {
        sandbox.reset();
    }

    @Test
    void aSuccessfulCallIsOneTimerSampleTaggedByOperationStatusClassAndOutcome() {
        client(sandbox.defaultUser().token(), MicrometerCallListener.of(meters)).templates()
                .listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null);

        assertThat(meters).hasTimerWithNameAndTags(MicrometerCallListener.CALLS, Tags.of("operation", "listTemplates",
                "method", "GET", "status", "2xx", "outcome", "SUCCESS", "exception", "none", "error", "none"));
        assertThat(meters).timer(MicrometerCallListener.CALLS).hasCount(1);
        assertThat(meters).doesNotHaveMeterWithName(MicrometerCallListener.RETRIES)
                .doesNotHaveMeterWithName(MicrometerCallListener.TOKEN_REFUSALS);
    }

    @Test
    void aRetriedReadCountsTheRetryAndIsStillOneCall() {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.unavailable(), 1);

        client(sandbox.defaultUser().token(), MicrometerCallListener.of(meters)).templates()
                .listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null);

        assertThat(meters).counter(MicrometerCallListener.RETRIES, Tag.of("operation",
                "listTemplates"), Tag.of("exception", "ServerException")).hasCount(1);
        assertThat(meters).timer(MicrometerCallListener.CALLS, Tag.of("outcome",
                "SUCCESS")).hasCount(1);
    }

    @Test
    void aCallRefusedForItsExpiredTokenCountsATokenRefusalAndIsTimedWithoutAStatus() {
        EngagiveClient expired = client(sandbox.defaultUser().expiredToken(), MicrometerCallListener.of(meters));

        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> expired.templates().listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null));

        assertThat(meters).counter(MicrometerCallListener.TOKEN_REFUSALS,
                Tag.of("exception", "AuthenticationException")).hasCount(1);
        assertThat(meters).hasTimerWithNameAndTags(MicrometerCallListener.CALLS, Tags.of("status", "none",
                "outcome", "REFUSED_LOCALLY", "exception", "AuthenticationException"));
        assertThat(sandbox.journal()).isEmpty();
    }

    @Test
    void aMetaFailureIsAServerErrorTaggedWithItsExceptionType() {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError());

        assertThatExceptionOfType(UpstreamException.class).isThrownBy(() -> client(sandbox.defaultUser().token(),
                MicrometerCallListener.of(meters)).messages().sendTemplate(EngagiveSandbox.DEFAULT_ACCOUNT, helloWorld()));

        assertThat(meters).hasTimerWithNameAndTags(MicrometerCallListener.CALLS, Tags.of("operation", "sendTemplate",
                "method", "POST", "status", "5xx", "outcome", "SERVER_ERROR", "exception", "UpstreamException",
                "error", "EngagiveCallFailed"));
    }

    @Test
    void eachCallIsAStartedAndStoppedObservationWithItsOutcomeAndRequestIdAsKeyValues() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        EngagiveClient engagive = client(sandbox.defaultUser().token(), MicrometerCallListener.of(meters, observations));

        engagive.messages().sendTemplate(EngagiveSandbox.DEFAULT_ACCOUNT, helloWorld());

        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasNameEqualTo(MicrometerCallListener.CALLS)
                .hasContextualNameEqualTo("engagive sendTemplate")
                .hasLowCardinalityKeyValue("operation", "sendTemplate")
                .hasLowCardinalityKeyValue("method", "POST")
                .hasLowCardinalityKeyValue("status", "2xx")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("exception", "none")
                .hasHighCardinalityKeyValue("engagive.path",
                        "/channels/whatsapp/accounts/{accountId}/messages/send-template")
                .hasHighCardinalityKeyValue("engagive.attempts", "1")
                .hasHighCardinalityKeyValueWithKey("engagive.request.id")
                .doesNotHaveError()
                .hasBeenStarted()
                .hasBeenStopped();
    }

    @Test
    void anAsyncCallsObservationSpansTheWholeCallAndLeavesNoScopeOnTheStartingThread() throws Exception {
        TestObservationRegistry observations = TestObservationRegistry.create();
        sandbox.inject(Route.LIST_TEMPLATES, Fault.unavailable(), 1);
        EngagiveClient engagive = client(sandbox.defaultUser().token(), MicrometerCallListener.of(meters, observations));

        CompletableFuture<?> call = engagive.async().templates().listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null);
        assertThat(observations.getCurrentObservation()).as("the scope left open on the starting thread").isNull();
        call.get(30, TimeUnit.SECONDS);

        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("operation", "listTemplates")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasHighCardinalityKeyValue("engagive.attempts", "2")
                .hasBeenStarted()
                .hasBeenStopped();
        assertThat(observations.getCurrentObservation()).isNull();
    }

    @Test
    void aFailedCallsObservationCarriesAnErrorNamingTheExceptionTypeAndStatus() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        EngagiveClient engagive = client(sandbox.defaultUser().token(), MicrometerCallListener.of(meters, observations));

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> engagive.templates()
                .getTemplate(EngagiveSandbox.DEFAULT_ACCOUNT, "no_such_template"));

        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("status", "4xx")
                .hasError()
                .assertThatError().hasMessage("NotFoundException (HTTP 404)");
    }

    @Test
    void theObservationIsInScopeOnTheCallingThreadForTheWholeCall() {
        List<String> scopes = new CopyOnWriteArrayList<>();
        TestObservationRegistry observations = TestObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onScopeOpened(Observation.Context context) {
                scopes.add("opened on " + Thread.currentThread().getName());
            }

            @Override
            public void onScopeClosed(Observation.Context context) {
                scopes.add("closed on " + Thread.currentThread().getName());
            }

            @Override
            public void onStop(Observation.Context context) {
                scopes.add("stopped");
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });

        client(sandbox.defaultUser().token(), MicrometerCallListener.of(meters, observations)).templates()
                .listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null);

        String thread = Thread.currentThread().getName();
        assertThat(scopes).containsExactly("opened on " + thread, "closed on " + thread, "stopped");
    }

    private static EngagiveClient client(String token, MicrometerCallListener listener) {
        return EngagiveClient.builder()
                .baseUrl(sandbox.baseUrl())
                .token(token)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1))
                        .build())
                .listener(listener)
                .build();
    }

    static SendTemplateRequest helloWorld() {
        return new SendTemplateRequest().to("923001234567").contentJson(new TemplateContentJson()
                .templateName("hello_world").langCode("en_US"));
    }
}
