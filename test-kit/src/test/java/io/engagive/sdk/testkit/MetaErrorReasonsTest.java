package io.engagive.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.MetaErrorReason;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Meta code of the reason table, as Meta sends it inside Engagive's 502 envelope (from the
 * sandbox), becomes the typed reason: the right {@code isTransient()}, the advice in the message,
 * a send never repeated, a read repeated only when the reason is transient.
 */
@EngagiveSandboxTest
class MetaErrorReasonsTest {

    static Stream<Arguments> everyCodeOfEveryReason() {
        return Stream.of(MetaErrorReason.values())
                .flatMap(reason -> reason.codes().stream().map(code -> Arguments.of(reason, code)));
    }

    @ParameterizedTest(name = "{1} is {0}")
    @MethodSource("everyCodeOfEveryReason")
    void aSendRefusedByMetaIsTheTypedReasonAndIsNeverSentAgain(MetaErrorReason reason, long code,
            EngagiveSandbox sandbox) {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError(code), 3);

        assertThatExceptionOfType(UpstreamException.class)
                .isThrownBy(() -> client(sandbox).messages().sendTemplate("1", Messages.helloWorld("923001234567")))
                .satisfies(error -> {
                    assertThat(error.metaError()).hasValueSatisfying(meta -> {
                        assertThat(meta.code()).contains(code);
                        assertThat(meta.reason()).isEqualTo(reason);
                        assertThat(meta.type()).contains("OAuthException");
                        assertThat(meta.details()).isPresent();
                        assertThat(meta.fbtraceId()).isPresent();
                        assertThat(meta.message()).as("the sandbox titles the code as Meta does")
                                .hasValueSatisfying(text -> assertThat(text).startsWith("(#" + code + ") ")
                                        .doesNotContain("Unknown error"));
                    });
                    assertThat(error.isTransient()).isEqualTo(reason.isTransient());
                    assertThat(error.getMessage()).contains("Meta error " + code + " (" + reason + ")")
                            .contains(reason.advice());
                });
        assertThat(sandbox.requestsTo(Route.SEND_TEMPLATE)).isEqualTo(1);
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{1} is {0}")
    @MethodSource("everyCodeOfEveryReason")
    void aReadIsRepeatedOnlyWhenTheReasonIsTransient(MetaErrorReason reason, long code, EngagiveSandbox sandbox) {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.metaError(code), 3);

        assertThatExceptionOfType(UpstreamException.class)
                .isThrownBy(() -> client(sandbox).templates().listTemplates("1", null));

        assertThat(sandbox.requestsTo(Route.LIST_TEMPLATES)).isEqualTo(reason.isTransient() ? 3 : 1);
    }

    @Test
    void aCodeTheTableDoesNotKnowIsUnknownKeptAsANumberAndTransient(EngagiveSandbox sandbox) {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError(987654));

        assertThatExceptionOfType(UpstreamException.class)
                .isThrownBy(() -> client(sandbox).messages().sendTemplate("1", Messages.helloWorld("923001234567")))
                .satisfies(error -> {
                    assertThat(error.metaError()).hasValueSatisfying(meta -> {
                        assertThat(meta.code()).contains(987654L);
                        assertThat(meta.reason()).isEqualTo(MetaErrorReason.UNKNOWN);
                    });
                    assertThat(error.isTransient()).isTrue();
                });
    }

    private static EngagiveClient client(EngagiveSandbox sandbox) {
        return EngagiveClient.builder().baseUrl(sandbox.baseUrl()).token(sandbox.defaultUser().token())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1)).build())
                .build();
    }
}
