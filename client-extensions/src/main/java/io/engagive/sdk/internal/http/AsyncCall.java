package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.transport.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call of the asynchronous view, and the future its caller holds: it moves from attempt to attempt as each
 * exchange completes, on the call's executor. Its steps run one after another, each started by the one before, so the
 * {@link Call} is handled by one thread at a time. Cancelling it aborts the attempt under way and starts no other.
 */
final class AsyncCall extends CompletableFuture<Object> {

    private final Call call;
    private final Executor executor;
    private final AsyncPipeline pipeline;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Attempt current;
    private long deadline;
    private int number;

    AsyncCall(Call call, Executor executor, AsyncPipeline pipeline) {
        this.call = call;
        this.executor = executor;
        this.pipeline = pipeline;
    }

    /** Starts the call's events and its first attempt, on the calling thread. */
    void start() {
        call.events(CallEvents.start(pipeline.listener(), call.operation(), pipeline.timing()));
        deadline = pipeline.retry().deadlineFromNow();
        attempt(1);
    }

    private void attempt(int attemptNumber) {
        if (isDone()) {
            return;
        }
        number = attemptNumber;
        current = call.startAttempt(attemptNumber, deadline);
        try {
            pipeline.tokens().authorize(call);
        } catch (EngagiveException refusedLocally) {
            end(refusedLocally, null);
            return;
        }
        send(current);
    }

    private void send(Attempt attempt) {
        current = attempt;
        pipeline.decoding().watch(attempt);
        attempt.exchanging();
        CompletableFuture<TransportResponse> exchange;
        try {
            exchange = pipeline.transport().executeAsync(attempt.request(), attempt,
                    pipeline.decoding()::maxBodyBytes, executor);
        } catch (RuntimeException failedToStart) {
            exchange = CompletableFuture.failedFuture(failedToStart);
        }
        if (isCancelled()) {
            attempt.cancel();
        }
        exchange.whenComplete((response, failure) -> answered(attempt, response, failure));
    }

    /** Shows the exchange to the exchange stages, then decodes it or decides what follows its failure. */
    private void answered(Attempt attempt, TransportResponse response, Throwable failure) {
        Object value;
        try {
            TransportResponse shown = pipeline.exchanges().replay(attempt.request(), attempt, (request, its) -> {
                if (failure != null) {
                    throw asIoException(failure);
                }
                return response;
            });
            value = pipeline.decoding().answer(call, attempt, shown);
        } catch (IOException noAnswer) {
            attempt.finish();
            failed(attempt, pipeline.decoding().noAnswer(call, attempt, noAnswer));
            return;
        } catch (EngagiveException typed) {
            failed(attempt, typed);
            return;
        } catch (RuntimeException unexpected) {
            attempt.finish();
            failed(attempt, EnvelopeDecoding.unexpected(unexpected, attempt, response));
            return;
        }
        RetryStage.succeeded(call);
        end(null, value);
    }

    private void failed(Attempt attempt, EngagiveException failure) {
        if (isDone()) {
            end(failure, null);
            return;
        }
        if (failure instanceof AuthenticationException refused) {
            AccessToken rotated = pipeline.tokens().rotatedRetry(call, refused, attempt.token());
            if (rotated != null) {
                Attempt again = call.restartAttempt();
                again.authorize(rotated);
                send(again);
                return;
            }
        }
        RetryStage.Retry retry = pipeline.retry().retryAfter(call, failure, number, deadline);
        if (retry == null) {
            end(failure, null);
            return;
        }
        pipeline.timing().schedule(retry.delay(), executor, () -> attempt(retry.next()));
    }

    /** Ends the call once: its events, then its future, on the executor (its caller's callbacks run there). */
    private void end(EngagiveException failure, Object value) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        call.events().finished(failure);
        if (failure != null) {
            completeExceptionally(failure);
        } else {
            complete(value);
        }
    }

    /**
     * Cancels the call: the attempt under way is aborted (its connection freed), no other starts, and the call's
     * listener hears that it ended with a {@link io.engagive.sdk.error.ConnectionException}.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Attempt attempt = current;
        if (cancelled && attempt != null) {
            attempt.cancel();
            if (ended.compareAndSet(false, true)) {
                call.events().finished(pipeline.decoding().noAnswer(call, attempt,
                        new InterruptedIOException("the call was cancelled by its caller")));
            }
        }
        return cancelled;
    }

    private static IOException asIoException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof CancellationException) {
            return new InterruptedIOException("the exchange was cancelled");
        }
        if (cause instanceof RuntimeException unexpected) {
            throw unexpected;
        }
        throw new IllegalStateException("the transport failed: " + cause.getClass().getName(), cause);
    }

    @Override
    public String toString() {
        return "AsyncCall{" + call.operation() + ", " + (isDone() ? "done" : "attempt " + number) + "}";
    }
}
