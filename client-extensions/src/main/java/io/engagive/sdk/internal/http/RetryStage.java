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

    @Override
    public Object proceed(Call call, Pipeline.Chain next) {
        Operation operation = call.operation();
        long deadline = timing.nanoTime() + policy.deadline().toNanos();
        for (int number = 1; ; number++) {
            Attempt attempt = call.startAttempt(number, deadline);
            EngagiveException failure;
            try {
                Object result = next.proceed(call);
                call.events().attempt(call.attempt(), null, SUCCEEDED);
                return result;
            } catch (EngagiveException failed) {
                failure = failed;
            }
            if (!call.attempt().exchanged()) {
                throw failure;
            }
            if (transportResendsIdempotent && transportMayHaveResent(failure, operation)) {
                number++;
            }
            Duration remaining = Duration.ofNanos(Math.max(0, deadline - timing.nanoTime()));
            Optional<Duration> delay = policy.delayBeforeRetry(operation.httpMethod(), failure, number, remaining);
            if (call.events().listening()) {
                call.events().attempt(call.attempt(), failure, decision(failure, operation, number, delay));
            }
            if (delay.isEmpty()) {
                throw failure;
            }
            LOG.debug("{} {} failed on attempt {} of {} ({}); retrying in {} ms", operation.httpMethod(),
                    operation.pathTemplate(), attempt.attempt(), policy.maxAttempts(),
                    failure.getClass().getSimpleName(), delay.get().toMillis());
            pause(delay.get(), failure);
        }
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
