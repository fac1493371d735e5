package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.RawSocketServer;
import io.engagive.sdk.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that drops every connection before answering sees a GET at most {@code maxAttempts}
 * times plus the one resend java.net.http makes by itself, and a send exactly once.
 */
class WireAttemptsTest {

    private final String token = TestTokens.valid();

    @ParameterizedTest(name = "maxAttempts {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void aDroppedGetReachesTheWireAtMostMaxAttemptsPlusTheJdksOneResend(int maxAttempts) {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> { })) {
            EngagiveClient engagive = client(server, RetryPolicy.builder().maxAttempts(maxAttempts)
                    .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build());

            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", "order"))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue());
            assertThat(server.connections()).isBetween(maxAttempts, maxAttempts + 1);
        }
    }

    @ParameterizedTest(name = "maxAttempts {0}")
    @ValueSource(ints = {1, 3})
    void aDroppedSendReachesTheWireOnce(int maxAttempts) {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> { })) {
            EngagiveClient engagive = client(server, RetryPolicy.builder().maxAttempts(maxAttempts).build());

            assertThatExceptionOfType(ConnectionException.class).isThrownBy(() -> engagive.messages().sendReaction("1",
                    new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.X").emoji("👍")));
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    private EngagiveClient client(RawSocketServer server, RetryPolicy policy) {
        return EngagiveClient.builder().baseUrl(server.baseUrl()).token(token).readTimeout(Duration.ofSeconds(5))
                .retryPolicy(policy).build();
    }
}
