package io.engagive.sdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever account ids, template codes and phone numbers a service calls with, no meter tag and no
 * low-cardinality key value carries them: tags come from a fixed vocabulary.
 */
class LowCardinalityTagsPropertiesTest {

    private static final Set<String> TAG_KEYS = Set.of("operation", "method", "status", "outcome", "exception", "error");

    private static EngagiveSandbox sandbox;

    @BeforeContainer
    static void startSandbox() {
        sandbox = EngagiveSandbox.start();
    }

    @AfterContainer
    static void stopSandbox() {
        sandbox.close();
    }

    @Property(tries = 30)
    void noTagCarriesAnAccountIdTemplateCodeOrPhoneNumber(@ForAll("accountIds") String account,
            @ForAll("templateCodes") String template, @ForAll("phoneNumbers") String phone) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TestObservationRegistry observations = TestObservationRegistry.create();
        EngagiveClient engagive = EngagiveClient.builder()
                .baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().token())
                .retryPolicy(RetryPolicy.none())
                .listener(MicrometerCallListener.of(meters, observations))
                .build();
        EngagiveClient timed = EngagiveClient.builder()
                .baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().token())
                .retryPolicy(RetryPolicy.none())
                .listener(MicrometerCallListener.of(meters))
                .build();

        for (EngagiveClient client : List.of(engagive, timed)) {
            ignoringFailure(() -> client.templates().getTemplate(account, template));
            ignoringFailure(() -> client.templateContents().listTemplateContents(account, template, template));
            ignoringFailure(() -> client.messages().sendTemplate(account, new SendTemplateRequest().to(phone)
                    .contentJson(new TemplateContentJson().templateName(template).langCode("en_US"))));
        }

        List<Tag> tags = meters.getMeters().stream().map(Meter::getId).flatMap(id -> id.getTags().stream()).toList();
        assertThat(tags).isNotEmpty().allSatisfy(tag -> {
            assertThat(tag.getKey()).isIn(TAG_KEYS);
            assertThat(tag.getValue()).doesNotContain(account).doesNotContain(template).doesNotContain(phone);
        });
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            assertThat(contexts).isNotEmpty().extracting(Observation.Context::getName)
                    .containsOnly(MicrometerCallListener.CALLS);
            List<KeyValue> lowCardinality = contexts.stream()
                    .flatMap(context -> context.getLowCardinalityKeyValues().stream())
                    .toList();
            assertThat(lowCardinality).isNotEmpty().allSatisfy(keyValue -> {
                assertThat(keyValue.getKey()).isIn(TAG_KEYS);
                assertThat(keyValue.getValue()).doesNotContain(account).doesNotContain(template)
                        .doesNotContain(phone);
            });
        });
    }

    @Provide
    Arbitrary<String> accountIds() {
        return Arbitraries.oneOf(Arbitraries.of(EngagiveSandbox.DEFAULT_ACCOUNT, EngagiveSandbox.SECOND_ACCOUNT)
                .map(id -> id + "0000"), Arbitraries.strings().alpha().numeric().ofMinLength(5).ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> templateCodes() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_").ofMinLength(6).ofMaxLength(24)
                .filter(code -> Stream.of("none", "success", "error", "server", "client", "exception", "template",
                        "refused", "locally", "response").noneMatch(code::contains));
    }

    @Provide
    Arbitrary<String> phoneNumbers() {
        return Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(15);
    }

    private static void ignoringFailure(Runnable call) {
        try {
            call.run();
        } catch (EngagiveException expected) {
            // a wrong account or a missing template is a typed failure; its tags are what is checked
        }
    }
}
