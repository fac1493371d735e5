package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.FakeTiming;
import io.engagive.sdk.testing.FakeTransport;
import io.engagive.sdk.testing.RecordingListener;
import io.engagive.sdk.testing.TestTokens;
import io.engagive.sdk.transport.TransportRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The call pipeline over an in-memory transport and an injected clock: retries, the deadline, token rotation, events,
 * decoding and redaction, with no socket and no real wait.
 */
class CallPipelineTest {

    private static final String TEMPLATES_OK = Fixtures.TEMPLATES_OK;

    private final FakeTiming timing = new FakeTiming();
    private final FakeTransport transport = new FakeTransport(timing);
    private final RecordingListener listener = new RecordingListener();
    private final String token = TestTokens.valid();

    private EngagiveClientBuilder client() {
        return EngagiveClient.builder()
                .baseUrl("https://api.example.test/api/business/public")
                .transport(transport)
                .timing(timing)
                .token(token)
                .listener(listener)
                .readTimeout(Duration.ofSeconds(3))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(100))
                        .deadline(Duration.ofSeconds(10)).build());
    }

    @Test
    void aGetAnswered503TwiceIsSentThreeTimesWithThePolicysWaitsBetween() {
        transport.enqueue(FakeTransport.json(503, "{\"success\":false}"), FakeTransport.json(503, "{\"success\":false}"),
                FakeTransport.json(200, TEMPLATES_OK));

        assertThat(client().build().templates().listTemplates("1", null).getData()).hasSize(1);

        assertThat(transport.sent()).extracting(FakeTransport.Sent::attempt).containsExactly(1, 2, 3);
        assertThat(timing.sleeps()).hasSize(2).allSatisfy(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100)));
        assertThat(listener.attempts()).extracting(event -> event.retry().retried()).containsExactly(true, true, false);
    }

    @Test
    void aRetryResendsTheBytesEncodedOnceNotANewEncoding() {
        transport.enqueue(FakeTransport.fails(new ConnectException("refused")), FakeTransport.json(200,
                "{\"success\":true,\"message\":\"ok\",\"data\":{}}"));

        client().build().messages().sendReaction("1", reaction());

        assertThat(transport.sent()).hasSize(2);
        assertThat(transport.sent().get(1).request().body()).isSameAs(transport.sent().get(0).request().body());
    }

    @Test
    void aPostDroppedAfterItWasSentIsNeverSentAgain() {
        transport.otherwise(FakeTransport.fails(new IOException("connection reset")));

        ConnectionException dropped = catchThrowableOfType(ConnectionException.class,
                () -> client().build().messages().sendReaction("1", reaction()));

        assertThat(dropped.requestMayHaveReachedServer()).isTrue();
        assertThat(transport.sent()).hasSize(1);
        assertThat(listener.attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.retry().reason()).contains("may have reached the server"));
    }

    @Test
    void aDroppedGetCountsTwiceWhenTheTransportResendsByItself() {
        FakeTransport resending = FakeTransport.resendingIdempotent(timing);
        resending.otherwise(FakeTransport.fails(new IOException("connection closed")));

        assertThatExceptionOfType(ConnectionException.class).isThrownBy(() -> client().transport(resending)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(1)).build()).build()
                .templates().listTemplates("1", null));

        assertThat(resending.sent()).extracting(FakeTransport.Sent::attempt).containsExactly(1, 3);
    }

    @Test
    void everyWaitOfEveryAttemptEndsByTheDeadlineAndTheCallSaysSo() {
        transport.otherwise(FakeTransport.stalls());
        long start = timing.nanoTime();

        ConnectionException late = catchThrowableOfType(ConnectionException.class,
                () -> client().build().templates().listTemplates("1", null));

        assertThat(Duration.ofNanos(timing.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(transport.sent().size()).isBetween(2, 3);
        assertThat(late.getMessage()).contains("timed out waiting for the response");
    }

    @Test
    void aBodyThatStopsFlowingPastTheDeadlineFailsTypedAndAbortsTheExchange() {
        transport.otherwise(FakeTransport.stallingBody(200));

        ConnectionException late = catchThrowableOfType(ConnectionException.class,
                () -> client().readTimeout(Duration.ofSeconds(30)).build().messages().sendReaction("1", reaction()));

        assertThat(late.getMessage()).contains("did not answer within the call's deadline");
        assertThat(late.requestMayHaveReachedServer()).isTrue();
        assertThat(transport.sent()).singleElement().satisfies(sent -> assertThat(sent.cancelled()).isTrue());
    }

    @Test
    void anEndlessErrorBodyIsReadOnlyToItsLimitAndItsExchangeAborted() {
        transport.otherwise(FakeTransport.endlessBody(500));

        assertThatExceptionOfType(ServerException.class)
                .isThrownBy(() -> client().build().messages().sendReaction("1", reaction()));

        assertThat(transport.sent()).singleElement().satisfies(sent -> assertThat(sent.cancelled()).isTrue());
    }

    @Test
    void aBodyReadToItsEndLeavesTheExchangeUncancelled() {
        transport.enqueue(FakeTransport.json(200, TEMPLATES_OK));

        client().build().templates().listTemplates("1", null);

        assertThat(transport.sent()).singleElement().satisfies(sent -> assertThat(sent.cancelled()).isFalse());
    }

    @Test
    void theTokenInterceptorSetsExactlyOneAuthorizationHeaderAndTheUserAgent() {
        transport.enqueue(FakeTransport.json(200, TEMPLATES_OK));

        client().build().templates().listTemplates("1", null);

        TransportRequest sent = transport.sent().get(0).request();
        assertThat(sent.headers()).filteredOn(header -> header.name().equalsIgnoreCase("Authorization"))
                .singleElement().satisfies(header -> assertThat(header.value()).isEqualTo("Bearer " + token));
        assertThat(sent.header("User-Agent")).hasValueSatisfying(agent -> assertThat(agent).startsWith("engagive-java/"));
        assertThat(sent.toString()).doesNotContain(token);
    }

    @Test
    void a401AfterTheProviderRotatedIsSentOnceMoreWithTheNewTokenAndOnlyOnce() {
        String rotated = TestTokens.valid();
        AtomicReference<String> current = new AtomicReference<>(token);
        transport.enqueue((request, call, clock) -> {
            current.set(rotated);
            return FakeTransport.json(401, "{\"success\":false,\"message\":\"Unauthenticated\"}")
                    .answer(request, call, clock);
        }).otherwise(FakeTransport.json(401, "{\"success\":false,\"message\":\"Unauthenticated\"}"));

        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client()
                .tokenProvider(current::get).build().templates().listTemplates("1", null));

        assertThat(transport.sent()).extracting(sent -> sent.header("Authorization"))
                .containsExactly("Bearer " + token, "Bearer " + rotated);
        assertThat(transport.sent()).extracting(FakeTransport.Sent::attempt).containsExactly(1, 1);
        assertThat(listener.attempts().get(0).retry().reason()).contains("new token");
    }

    @Test
    void anExpiredTokenIsRefusedBeforeTheTransportIsAsked() {
        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client()
                .token(TestTokens.expiringAt(Instant.now().minusSeconds(5))).build().templates().listTemplates("1", null));

        assertThat(transport.sent()).isEmpty();
        assertThat(listener.attempts()).isEmpty();
        assertThat(listener.calls()).singleElement().satisfies(call -> assertThat(call.attempts()).isZero());
    }

    @Test
    void aWrongAccountEnvelopeOnA200IsAPermissionException() {
        transport.enqueue(FakeTransport.json(200,
                "{\"success\":false,\"statusCode\":403,\"message\":\"This account does not belong to you\"}"));

        assertThatExceptionOfType(PermissionException.class)
                .isThrownBy(() -> client().build().templates().listTemplates("1", null));
    }

    @Test
    void htmlFromAProxyIsAnUnexpectedResponseNamingTheProblem() {
        transport.enqueue((request, call, clock) -> new io.engagive.sdk.transport.TransportResponse(200,
                Map.of("Content-Type", java.util.List.of("text/html")),
                new java.io.ByteArrayInputStream("<html>Gateway</html>".getBytes(StandardCharsets.UTF_8))));

        UnexpectedResponseException odd = catchThrowableOfType(UnexpectedResponseException.class,
                () -> client().build().templates().listTemplates("1", null));

        assertThat(odd.getMessage()).contains("not JSON");
    }

    @Test
    void aTransportFailureQuotingTheTokenNeverShowsItAnywhere() {
        transport.otherwise(FakeTransport.fails(new IOException("bad header: Authorization: Bearer " + token)));

        ConnectionException failure = catchThrowableOfType(ConnectionException.class,
                () -> client().retryPolicy(RetryPolicy.none()).build().templates().listTemplates("1", null));

        assertThat(failure.getMessage()).doesNotContain(token);
        assertThat(failure.getCause().getMessage()).doesNotContain(token);
        assertThat(failure.getCause().toString()).doesNotContain(token);
    }

    @Test
    void aTransportThatThrowsSomethingUntypedStillEndsInATypedException() {
        transport.otherwise((request, call, clock) -> {
            throw new IllegalStateException("transport bug " + token);
        });

        UnexpectedResponseException failure = catchThrowableOfType(UnexpectedResponseException.class,
                () -> client().build().templates().listTemplates("1", null));

        assertThat(failure.getMessage()).contains("IllegalStateException").doesNotContain(token);
    }

    @Test
    void aQueryValueArrivesExactlyAsWritten() {
        String search = "50%25 off & more+ünïcode=?#/";
        transport.enqueue(FakeTransport.json(200, TEMPLATES_OK));

        client().build().templates().listTemplates("1", search);

        String query = transport.sent().get(0).request().uri().getRawQuery();
        assertThat(query).startsWith("search=").doesNotContain("+").doesNotContain(" ");
        assertThat(URLDecoder.decode(query.substring("search=".length()), StandardCharsets.UTF_8)).isEqualTo(search);
    }

    @Test
    void aNullQueryValueIsLeftOutAndAPathArgumentIsOneSegment() {
        transport.enqueue(FakeTransport.json(200, "{\"success\":true,\"message\":\"ok\",\"data\":{\"code\":\"a b\"}}"));

        client().build().templates().getTemplate("1", "a b%2F");

        assertThat(transport.sent().get(0).request().uri().getRawPath())
                .isEqualTo("/api/business/public/channels/whatsapp/accounts/1/templates/a%20b%252F");
        assertThat(transport.sent().get(0).request().uri().getRawQuery()).isNull();
    }

    @Test
    void aTransportAndJavaNetHttpSettingsTogetherAreRefusedByName() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> client().connectTimeout(Duration.ofSeconds(1)).build())
                .withMessageContaining("connectTimeout").withMessageContaining("transport");
    }

    private static SendReactionRequest reaction() {
        return new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.X").emoji("👍");
    }
}
