package io.engagive.sdk.internal.http;

import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.transport.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The call pipeline for the asynchronous view: the same stages, driven by futures instead of a waiting thread. The
 * call's events start and end as in {@link CallEventsStage}; each attempt is authorized by the
 * {@link TokenInterceptor} (an unusable token fails the call before anything is sent), sent with
 * {@link HttpTransport#executeAsync}, shown to the exchange stages and decoded by {@link EnvelopeDecoding} once its
 * response is in memory; the {@link RetryStage} decides what follows a failure, and its wait is scheduled on
 * {@link Timing}, never slept.
 */
final class AsyncPipeline {

    private final CallListener listener;
    private final Timing timing;
    private final RetryStage retry;
    private final TokenInterceptor tokens;
    private final EnvelopeDecoding decoding;
    private final Pipeline exchanges;
    private final HttpTransport transport;

    /**
     * Composes the asynchronous pipeline from the stages of the blocking one.
     *
     * @param listener hears about every call
     * @param timing the clock, and where waits between attempts are scheduled
     * @param retry decides retries and the deadline
     * @param tokens authorizes attempts
     * @param decoding decodes responses and types failures
     * @param exchanges the blocking pipeline, whose exchange stages see every asynchronous exchange too
     * @param transport what sends
     */
    AsyncPipeline(CallListener listener, Timing timing, RetryStage retry, TokenInterceptor tokens,
            EnvelopeDecoding decoding, Pipeline exchanges, HttpTransport transport) {
        this.listener = listener;
        this.timing = timing;
        this.retry = retry;
        this.tokens = tokens;
        this.decoding = decoding;
        this.exchanges = exchanges;
        this.transport = transport;
    }

    /**
     * Starts a call and returns at once.
     *
     * @param call the call, its request encoded
     * @param executor where the call's work after each exchange runs and its future completes (and where a transport
     *     that can only block sends)
     * @return the call's future; cancelling it aborts the exchange under way and any further attempt
     */
    CompletableFuture<Object> execute(Call call, Executor executor) {
        AsyncCall started = new AsyncCall(call, executor, this);
        started.start();
        call.events().leftItsThread();
        return started;
    }

    CallListener listener() {
        return listener;
    }

    Timing timing() {
        return timing;
    }

    RetryStage retry() {
        return retry;
    }

    TokenInterceptor tokens() {
        return tokens;
    }

    EnvelopeDecoding decoding() {
        return decoding;
    }

    Pipeline exchanges() {
        return exchanges;
    }

    HttpTransport transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "AsyncPipeline{" + exchanges + "}";
    }
}
