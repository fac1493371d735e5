package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.RecordingListener;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener hears every attempt and every call, with the path template and never the token. */
class CallListenerTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final RecordingListener recorder = new RecordingListener();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSuccessIsOneAttemptAndOneCallWithStatusAndRequestId() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK).withHeader("X-Request-Id", "req-7"));

        client(TestTokens.valid()).templates().listTemplates("1", "order");

        assertThat(recorder.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.operation()).isEqualTo("listTemplates");
            assertThat(attempt.httpMethod()).isEqualTo("GET");
            assertThat(attempt.pathTemplate()).isEqualTo("/channels/whatsapp/accounts/{accountId}/templates");
            assertThat(attempt.status()).hasValue(200);
            assertThat(attempt.requestId()).contains("req-7");
            assertThat(attempt.failure()).isEmpty();
            assertThat(attempt.retry().retried()).isFalse();
        });
        assertThat(recorder.calls()).singleElement().satisfies(call -> {
            assertThat(call.attempts()).isEqualTo(1);
            assertThat(call.status()).hasValue(200);
            assertThat(call.failure()).isEmpty();
        });
    }

    @Test
    void aRetriedGetReportsEachAttemptAndTheDecision() {
        server.enqueue(Reply.json(503, "{\"success\":false}").withHeader("Retry-After", "2"),
                Reply.json(200, Fixtures.TEMPLATES_OK));

        client(TestTokens.valid()).templates().listTemplates("1", null);

        assertThat(recorder.attempts()).hasSize(2);
        assertThat(recorder.attempts().get(0).failure()).contains("ServerException");
        assertThat(recorder.attempts().get(0).retry().retried()).isTrue();
        assertThat(recorder.attempts().get(0).retry().delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(recorder.attempts().get(1).status()).hasValue(200);
        assertThat(recorder.calls()).singleElement()
                .satisfies(call -> assertThat(call.attempts()).isEqualTo(2));
    }

    @Test
    void aFailedSendSaysWhyItWasNotSentAgain() {
        server.otherwise(request -> Reply.json(503, "{\"success\":false}"));

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> client(TestTokens.valid()).messages()
                .sendReaction("1", new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.X").emoji("👍")));

        assertThat(recorder.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.retry().retried()).isFalse();
            assertThat(attempt.retry().reason()).contains("POST").contains("may have reached the server");
        });
        assertThat(recorder.calls()).singleElement()
                .satisfies(call -> assertThat(call.failure()).contains("ServerException"));
    }

    @Test
    void aLocalRefusalIsACallWithNoAttempt() {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() ->
                client(TestTokens.expiringAt(Instant.now().minusSeconds(60))).templates().listTemplates("1", null));

        assertThat(recorder.attempts()).isEmpty();
        assertThat(recorder.calls()).singleElement().satisfies(call -> {
            assertThat(call.attempts()).isZero();
            assertThat(call.failure()).contains("AuthenticationException");
            assertThat(call.status()).isEmpty();
        });
    }

    @Test
    void aListenerThatThrowsNeverChangesTheCallsOutcome() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK));
        CallListener broken = new CallListener() {
            @Override
            public void callFinished(CallEvent call) {
                throw new IllegalStateException("metrics backend down");
            }
        };

        assertThat(Fixtures.clientFor(server, TestTokens.valid()).listener(broken).build().templates()
                .listTemplates("1", null).getData()).hasSize(1);
    }

    private EngagiveClient client(String token) {
        return Fixtures.clientFor(server, token).listener(recorder).build();
    }
}
