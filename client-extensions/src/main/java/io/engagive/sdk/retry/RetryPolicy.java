package io.engagive.sdk.retry;

import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UpstreamException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a request again: only safe requests (GET) are retried
 * on connection failures and 429/502 (when Meta's reason is transient)/503/504, with exponential backoff, jitter, Retry-After, a cap
 * on attempts and an overall deadline; a POST is retried only when it provably never left.
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration deadline;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.deadline = builder.deadline;
    }

    /**
     * Returns the default policy: 3 attempts, 200 ms doubling to at most 5 s, 60 s overall.
     *
     * @return the default policy: 3 attempts, 200 ms doubling to at most 5 s, 60 s overall
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * Returns a policy that never retries.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a builder starting from the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns attempts in all, the first included.
     *
     * @return attempts in all, the first included
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns the overall time budget for one call, retries and waits included.
     *
     * @return the overall time budget for one call, retries and waits included
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Decides whether a failed attempt is sent again and after how long.
     *
     * @param httpMethod the request's method
     * @param failure what went wrong
     * @param attempt the attempt that failed, from 1
     * @param remaining the time left before the call's deadline
     * @return the wait before the next attempt, or empty to give up
     */
    public Optional<Duration> delayBeforeRetry(String httpMethod, EngagiveException failure, int attempt,
            Duration remaining) {
        if (attempt >= maxAttempts || !isRetryable(httpMethod, failure)) {
            return Optional.empty();
        }
        Duration delay = failure.context().retryAfter().orElseGet(() -> backoff(attempt));
        return delay.compareTo(remaining) < 0 ? Optional.of(delay) : Optional.empty();
    }

    private static boolean isRetryable(String httpMethod, EngagiveException failure) {
        if (failure instanceof ConnectionException dropped) {
            return isIdempotent(httpMethod) || !dropped.requestMayHaveReachedServer();
        }
        if (!isIdempotent(httpMethod)) {
            return false;
        }
        if (failure instanceof RateLimitedException) {
            return true;
        }
        if (failure instanceof UpstreamException upstream) {
            return upstream.isTransient();
        }
        if (failure instanceof ServerException) {
            int status = failure.httpStatus().orElse(0);
            return status == 503 || status == 504;
        }
        return false;
    }

    private static boolean isIdempotent(String httpMethod) {
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
    }

    private Duration backoff(int attempt) {
        long ceiling = Math.min(maxBackoff.toMillis(),
                initialBackoff.toMillis() * (1L << Math.min(attempt - 1, 30)));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", deadline=" + deadline + "}";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration deadline = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Sets {@code maxAttempts}.
         *
         * @param attempts attempts in all, the first included (1 disables retries)
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets {@code initialBackoff}.
         *
         * @param backoff the wait before the first retry; each later one doubles, with jitter
         * @return this builder
         */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = positive(backoff, "initialBackoff");
            return this;
        }

        /**
         * Sets {@code maxBackoff}.
         *
         * @param backoff the longest computed wait between attempts
         * @return this builder
         */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive(backoff, "maxBackoff");
            return this;
        }

        /**
         * Sets {@code deadline}.
         *
         * @param budget the overall time one call may take, retries and waits included; a wait that
         *     would overrun it (a long Retry-After, say) is not taken
         * @return this builder
         */
        public Builder deadline(Duration budget) {
            this.deadline = positive(budget, "deadline");
            return this;
        }

        /**
         * Returns the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
