package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.generated.model.ApiResponse;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.internal.http.Timing;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.CapturedLogs;
import io.engagive.sdk.testing.FakeTiming;
import io.engagive.sdk.testing.FakeTransport;
import io.engagive.sdk.testing.RecordingListener;
import io.engagive.sdk.testing.TestTokens;
import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.TransportCall;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous view over the in-memory transport and an injected clock whose waits are scheduled and instant:
 * the same promises as the blocking pipeline (retries and their waits, POST never resent, the deadline, token checks
 * and rotation, typed failures, events, redaction, cancellation), with no socket, no thread and no real wait.
 */
class AsyncCallPipelineTest {

    private final FakeTiming timing = new FakeTiming();
    private final FakeTransport transport = new FakeTransport(timing);
    private final RecordingListener listener = new RecordingListener();
    private final String token = TestTokens.valid();
    private final Executor direct = Runnable::run;

    private EngagiveClientBuilder client() {
        return EngagiveClient.builder()
                .baseUrl("https://api.example.test/api/business/public")
                .transport(transport)
                .timing(new NeverSleeps(timing))
                .token(token)
                .listener(listener)
                .readTimeout(Duration.ofSeconds(3))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                        .maxBackoff(Duration.ofMillis(100)).deadline(Duration.ofSeconds(10)).build());
    }

    private EngagiveAsyncClient async() {
        return client().build().async(direct);
    }

    @Test
    void aGetAnswered503TwiceIsSentThreeTimesWithScheduledWaitsAndNoSleepingThread() {
        transport.enqueue(FakeTransport.json(503, "{\"success\":false}"), FakeTransport.json(503, "{\"success\":false}"),
                FakeTransport.json(200, Fixtures.TEMPLATES_OK));

        TemplateListResponse list = async().templates().listTemplates("1", null).join();

        assertThat(list.getData()).hasSize(1);
        assertThat(transport.sent()).extracting(FakeTransport.Sent::attempt).containsExactly(1, 2, 3);
        assertThat(timing.sleeps()).hasSize(2).allSatisfy(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofMillis(100)));
        assertThat(listener.attempts()).extracting(event -> event.retry().retried()).containsExactly(true, true, false);
        assertThat(listener.calls()).singleElement().satisfies(call -> assertThat(call.failure()).isEmpty());
    }

    @Test
    void aPostDroppedAfterItWasSentIsNeverSentAgain() {
        transport.otherwise(FakeTransport.fails(new IOException("connection reset")));

        ConnectionException dropped = failure(ConnectionException.class,
                async().messages().sendReaction("1", reaction()));

        assertThat(dropped.requestMayHaveReachedServer()).isTrue();
        assertThat(transport.sent()).hasSize(1);
    }

    @Test
    void aPostRefusedBeforeItWasSentIsSentAgainWithTheSameBytes() {
        transport.enqueue(FakeTransport.fails(new ConnectException("refused")),
                FakeTransport.json(200, "{\"success\":true,\"message\":\"ok\",\"data\":{}}"));

        async().messages().sendReaction("1", reaction()).join();

        assertThat(transport.sent()).hasSize(2);
        assertThat(transport.sent().get(1).request().body()).isSameAs(transport.sent().get(0).request().body());
    }

    @Test
    void theDeadlineCoversEveryAttemptAndEveryScheduledWait() {
        transport.otherwise(FakeTransport.stalls());
        long start = timing.nanoTime();

        ConnectionException late = failure(ConnectionException.class,
                async().templates().listTemplates("1", null));

        assertThat(Duration.ofNanos(timing.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(transport.sent().size()).isBetween(2, 3);
        assertThat(late.getMessage()).contains("timed out waiting for the response");
    }

    @Test
    void anExpiredTokenFailsTheFutureWithNothingSent() {
        CompletableFuture<TemplateListResponse> call = client().token(TestTokens.expiringAt(Instant.now()
                .minusSeconds(5))).build().async(direct).templates().listTemplates("1", null);

        assertThat(call).isCompletedExceptionally();
        assertThat(failure(AuthenticationException.class, call).sentToServer()).isFalse();
        assertThat(transport.sent()).isEmpty();
        assertThat(listener.calls()).singleElement().satisfies(ended -> assertThat(ended.attempts()).isZero());
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

        failure(AuthenticationException.class,
                client().tokenProvider(current::get).build().async(direct).templates().listTemplates("1", null));

        assertThat(transport.sent()).extracting(sent -> sent.header("Authorization"))
                .containsExactly("Bearer " + token, "Bearer " + rotated);
        assertThat(transport.sent()).extracting(FakeTransport.Sent::attempt).containsExactly(1, 1);
    }

    @Test
    void typedFailuresSurfaceAsThemselvesThroughJoinGetAndCallbacks() throws InterruptedException {
        transport.otherwise(FakeTransport.json(200,
                "{\"success\":false,\"statusCode\":403,\"message\":\"This account does not belong to you\"}"));
        CompletableFuture<TemplateListResponse> call = async().templates().listTemplates("1", null);

        assertThatExceptionOfType(CompletionException.class).isThrownBy(call::join)
                .withCauseInstanceOf(PermissionException.class);
        ExecutionException viaGet = catchThrowableOfType(ExecutionException.class, call::get);
        assertThat(viaGet).hasCauseInstanceOf(PermissionException.class);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        call.whenComplete((value, failure) -> seen.set(failure));
        assertThat(seen.get()).isInstanceOf(PermissionException.class);
    }

    @Test
    void anEndlessErrorBodyIsReadOnlyToItsLimitAndItsExchangeAborted() {
        transport.otherwise(FakeTransport.endlessBody(500));

        failure(ServerException.class, async().messages().sendReaction("1", reaction()));

        assertThat(transport.sent()).singleElement().satisfies(sent -> assertThat(sent.cancelled()).isTrue());
    }

    @Test
    void htmlAndUntypedTransportFailuresEndTypedWithTheTokenNowhere() {
        transport.enqueue((request, call, clock) -> {
            throw new IllegalStateException("transport bug " + token);
        });

        UnexpectedResponseException failure = failure(UnexpectedResponseException.class,
                client().retryPolicy(RetryPolicy.none()).build().async(direct).templates().listTemplates("1", null));

        assertThat(failure.getMessage()).contains("IllegalStateException").doesNotContain(token);
        assertThat(String.valueOf(failure.getCause())).doesNotContain(token);
    }

    @Test
    void withHttpInfoCarriesTheStatusAndHeaders() {
        transport.enqueue(FakeTransport.json(200, Fixtures.TEMPLATES_OK, java.util.Map.of("X-Request-Id", "r-1")));

        ApiResponse<TemplateListResponse> response = async().templates().listTemplatesWithHttpInfo("1", null).join();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getData().getData()).hasSize(1);
        assertThat(response.getHeaders()).containsKey("X-Request-Id");
    }

    @Test
    void exchangesAreLoggedAsForBlockingCallsWithTheTokenRedacted() {
        transport.enqueue(FakeTransport.json(200, Fixtures.TEMPLATES_OK));
        CapturedLogs.clear();

        client().logLevel(HttpLogLevel.FULL).build().async(direct).templates().listTemplates("1", null).join();

        assertThat(CapturedLogs.text()).contains("--> GET").contains("<-- 200").doesNotContain(token);
    }

    @Test
    void cancellingTheFutureAbortsTheExchangeAndStartsNoOtherAttempt() {
        AtomicBoolean aborted = new AtomicBoolean();
        List<TransportRequest> sent = new ArrayList<>();
        HttpTransport neverAnswers = new HttpTransport() {
            @Override
            public TransportResponse execute(TransportRequest request, TransportCall call) {
                throw new AssertionError("the asynchronous view must not block on execute");
            }

            @Override
            public CompletableFuture<TransportResponse> executeAsync(TransportRequest request, TransportCall call,
                    java.util.function.IntUnaryOperator bodyLimit, Executor blocking) {
                sent.add(request);
                CompletableFuture<TransportResponse> pending = new CompletableFuture<>();
                call.onCancel(() -> {
                    aborted.set(true);
                    pending.completeExceptionally(new IOException("aborted"));
                });
                return pending;
            }
        };
        CompletableFuture<TemplateListResponse> call = client().transport(neverAnswers).build().async(direct)
                .templates().listTemplates("1", null);

        assertThat(call.cancel(true)).isTrue();

        assertThat(aborted).isTrue();
        assertThat(sent).hasSize(1);
        assertThat(call).isCancelled();
        assertThat(listener.calls()).singleElement().satisfies(ended -> assertThat(ended.failure()).isPresent());
    }

    @Test
    void aCallCancelledWhileItWaitsForABlockingTransportsThreadIsNeverSent() {
        java.util.Queue<Runnable> queued = new java.util.ArrayDeque<>();
        CompletableFuture<TemplateListResponse> call = client().build().async(queued::add).templates()
                .listTemplates("1", null);

        call.cancel(true);
        while (!queued.isEmpty()) {
            queued.poll().run();
        }

        assertThat(call).isCancelled();
        assertThat(transport.sent()).isEmpty();
    }

    @Test
    void aSendWhoseDeadlinePassesWhileItWaitsForABlockingTransportsThreadFailsAsNeverSent() {
        java.util.Queue<Runnable> queued = new java.util.ArrayDeque<>();
        CompletableFuture<io.engagive.sdk.generated.model.SendReactionResponse> call = client().build()
                .async(queued::add).messages().sendReaction("1", reaction());
        timing.advance(Duration.ofSeconds(11));
        while (!queued.isEmpty()) {
            queued.poll().run();
        }

        ConnectionException late = failure(ConnectionException.class, call);
        assertThat(late.requestMayHaveReachedServer()).isFalse();
        assertThat(transport.sent()).isEmpty();
    }

    @Test
    void callbacksRunOnTheViewsExecutorNotOnTheCallersThread() throws InterruptedException {
        transport.enqueue(FakeTransport.json(200, Fixtures.TEMPLATES_OK));
        java.util.concurrent.BlockingQueue<Runnable> queued = new java.util.concurrent.LinkedBlockingQueue<>();
        List<String> ranOn = new ArrayList<>();

        CompletableFuture<Void> done = client().build().async(queued::add).templates().listTemplates("1", null)
                .thenRun(() -> ranOn.add(Thread.currentThread().getName()));
        assertThat(done).isNotDone();
        Thread executor = new Thread(() -> {
            for (Runnable task = queued.poll(); task != null; task = queued.poll()) {
                task.run();
            }
        }, "callers-executor");
        executor.start();
        executor.join();

        assertThat(done).isDone();
        assertThat(ranOn).containsExactly("callers-executor");
    }

    private static <E extends EngagiveException> E failure(Class<E> type, CompletableFuture<?> call) {
        CompletionException wrapped = catchThrowableOfType(CompletionException.class, call::join);
        assertThat(wrapped).as("the call should have failed").isNotNull();
        assertThat(wrapped.getCause()).isInstanceOf(type);
        return type.cast(wrapped.getCause());
    }

    private static SendReactionRequest reaction() {
        return new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.X").emoji("👍");
    }

    /** The fake clock, failing the test if anything sleeps a thread instead of scheduling its wait. */
    private record NeverSleeps(FakeTiming timing) implements Timing {
        @Override
        public long nanoTime() {
            return timing.nanoTime();
        }

        @Override
        public void sleep(Duration duration) {
            throw new AssertionError("the asynchronous view slept a thread for " + duration);
        }

        @Override
        public void schedule(Duration delay, Executor executor, Runnable task) {
            timing.schedule(delay, executor, task);
        }
    }
}
