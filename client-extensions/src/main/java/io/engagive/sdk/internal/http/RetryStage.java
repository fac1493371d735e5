package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.events.RetryDecision;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry stage: sets the call's deadline, starts each attempt, and sends again only what the {@link RetryPolicy}
 * allows, waiting on {@link Timing} between attempts. What the transport may have resent by itself counts as an
 * attempt, so the requests on the wire never exceed the policy's attempts plus that one resend.
 */
final class RetryStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(RetryStage.class);
    private static final RetryDecision SUCCEEDED = RetryDecision.no("succeeded");

    private final RetryPolicy policy;
    private final Timing timing;
    private final boolean transportResendsIdempotent;

    RetryStage(RetryPolicy policy, Timing timing, boolean transportResendsIdempotent) {
        this.policy = policy;
        this.timing = timing;
        this.transportResendsIdempotent = transportResendsIdempotent;
    }

    /** When an attempt that failed is followed by another: its number and the wait before it. */
    record Retry(int next, Duration delay) {
    }

    @Override
    public Object proceed(Call call, Pipeline.Chain next) {
        long deadline = deadlineFromNow();
        int number = 1;
        while (true) {
            call.startAttempt(number, deadline);
            EngagiveException failure;
            try {
                Object result = next.proceed(call);
                succeeded(call);
                return result;
            } catch (EngagiveException failed) {
                failure = failed;
            }
            Retry retry = retryAfter(call, failure, number, deadline);
            if (retry == null) {
                throw failure;
            }
            pause(retry.delay(), failure);
            number = retry.next();
        }
    }

    /**
     * Returns the call's deadline for a call starting now.
     *
     * @return the deadline on {@link Timing#nanoTime()}'s clock
     */
    long deadlineFromNow() {
        return timing.nanoTime() + policy.deadline().toNanos();
    }

    /**
     * Decides whether a failed attempt is followed by another, as the retry policy says, and reports the decision to
     * the call's listener.
     *
     * @param call the call
     * @param failure how its current attempt failed
     * @param number that attempt's number
     * @param deadline the call's deadline
     * @return the next attempt, or null when the call ends with this failure
     */
    Retry retryAfter(Call call, EngagiveException failure, int number, long deadline) {
        if (!call.attempt().exchanged()) {
            return null;
        }
        Operation operation = call.operation();
        int counted = number;
        if (transportResendsIdempotent && transportMayHaveResent(failure, operation)) {
            counted++;
        }
        Duration remaining = Duration.ofNanos(Math.max(0, deadline - timing.nanoTime()));
        Optional<Duration> delay = policy.delayBeforeRetry(operation.httpMethod(), failure, counted, remaining);
        if (call.events().listening()) {
            call.events().attempt(call.attempt(), failure, decision(failure, operation, counted, delay));
        }
        if (delay.isEmpty()) {
            return null;
        }
        LOG.debug("{} {} failed on attempt {} of {} ({}); retrying in {} ms", operation.httpMethod(),
                operation.pathTemplate(), number, policy.maxAttempts(), failure.getClass().getSimpleName(),
                delay.get().toMillis());
        return new Retry(counted + 1, delay.get());
    }

    /**
     * Reports that the call's current attempt succeeded.
     *
     * @param call the call
     */
    static void succeeded(Call call) {
        call.events().attempt(call.attempt(), null, SUCCEEDED);
    }

    /**
     * java.net.http sends an idempotent request once more, by itself, when its connection closes before any response
     * byte; a dropped idempotent exchange that was not a timeout may therefore have been on the wire twice.
     */
    private static boolean transportMayHaveResent(EngagiveException failure, Operation operation) {
        return failure instanceof ConnectionException dropped && dropped.requestMayHaveReachedServer()
                && !(dropped.getCause() instanceof RedactedCause cause && cause.timedOut())
                && operation.isIdempotent();
    }

    private RetryDecision decision(EngagiveException failure, Operation operation, int attempt,
            Optional<Duration> delay) {
        String what = failure.getClass().getSimpleName() + " on a " + operation.httpMethod();
        if (delay.isPresent()) {
            return new RetryDecision(true, delay.get(), what + " is retried");
        }
        if (attempt >= policy.maxAttempts()) {
            return RetryDecision.no(what + ": all " + policy.maxAttempts() + " attempts used");
        }
        return RetryDecision.no(what + " is not retried" + (operation.isIdempotent() ? " (not a transient failure, "
                + "or no time left before the deadline)" : " (it may have reached the server)"));
    }

    private void pause(Duration delay, EngagiveException failure) {
        try {
            timing.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "retry";
    }
}
