package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.events.AttemptEvent;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.events.CallStart;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.internal.http.Timing;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.RecordingListener;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void eachCallStartsBeforeItsTokenIsCheckedAndItsOwnListenerHearsItsAttemptsAndEnd() {
        server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
        List<String> heard = new CopyOnWriteArrayList<>();
        CallListener perCallListeners = new CallListener() {
            @Override
            public CallListener callStarted(CallStart call) {
                String name = call.operation() + "#" + heard.size();
                heard.add("start " + name + " " + call.httpMethod() + " " + call.pathTemplate());
                return new CallListener() {
                    @Override
                    public void attemptFinished(AttemptEvent attempt) {
                        heard.add("attempt " + name);
                    }

                    @Override
                    public void callFinished(CallEvent finished) {
                        heard.add("end " + name + " " + finished.failure().orElse("ok"));
                    }
                };
            }
        };
        EngagiveClient engagive = Fixtures.clientFor(server, TestTokens.valid()).listener(perCallListeners).build();
        EngagiveClient expired = Fixtures.clientFor(server, TestTokens.expiringAt(Instant.now().minusSeconds(60)))
                .listener(perCallListeners).build();

        engagive.templates().listTemplates("1", null);
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> expired.templates().getTemplate("1", "x"));

        assertThat(heard).containsExactly(
                "start listTemplates#0 GET /channels/whatsapp/accounts/{accountId}/templates",
                "attempt listTemplates#0", "end listTemplates#0 ok",
                "start getTemplate#3 GET /channels/whatsapp/accounts/{accountId}/templates/{templateCode}",
                "end getTemplate#3 AuthenticationException");
    }

    @Test
    void aListenerThatFailsToStartACallStillHearsItsEndAndTheCallSucceeds() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK));
        CallListener failingAtStart = new CallListener() {
            @Override
            public CallListener callStarted(CallStart call) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void callFinished(CallEvent call) {
                recorder.callFinished(call);
            }
        };

        assertThat(Fixtures.clientFor(server, TestTokens.valid()).listener(failingAtStart).build().templates()
                .listTemplates("1", null).getData()).hasSize(1);
        assertThat(recorder.calls()).singleElement().satisfies(call -> assertThat(call.failure()).isEmpty());
    }

    @Test
    void aCallInterruptedWhileWaitingToRetryStillEndsForTheListener() {
        server.otherwise(request -> Reply.json(503, "{\"success\":false}"));
        Timing interruptedWait = new Timing() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                throw new InterruptedException("shutting down");
            }
        };
        EngagiveClient engagive = Fixtures.clientFor(server, TestTokens.valid()).timing(interruptedWait)
                .listener(recorder).build();

        try {
            assertThatExceptionOfType(ServerException.class).isThrownBy(() -> engagive.templates().listTemplates("1", null));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(recorder.calls()).singleElement().satisfies(call -> {
            assertThat(call.attempts()).isEqualTo(1);
            assertThat(call.failure()).contains("ServerException");
        });
    }

    private EngagiveClient client(String token) {
        return Fixtures.clientFor(server, token).listener(recorder).build();
    }
}
