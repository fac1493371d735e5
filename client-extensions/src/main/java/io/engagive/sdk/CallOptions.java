package io.engagive.sdk;

import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What a derived client may change for the calls made through it ({@link EngagiveClient#withOptions}):
 * the read timeout, the retry policy and the largest success body. Everything else, the connection
 * pool and the token included, is shared with the client it was derived from.
 */
public final class CallOptions {

    private Duration readTimeout;
    private RetryPolicy retryPolicy;
    private Integer maxResponseBytes;

    CallOptions() {
    }

    /**
     * Sets how long any one wait for the server may take.
     *
     * @param timeout a positive duration
     * @return these options
     */
    public CallOptions readTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "readTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + timeout);
        }
        this.readTimeout = timeout;
        return this;
    }

    /**
     * Sets when failed calls are sent again, and the call's deadline.
     *
     * @param policy the policy, e.g. {@link RetryPolicy#none()}
     * @return these options
     */
    public CallOptions retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /**
     * Sets the largest success body accepted.
     *
     * @param bytes at least 1024
     * @return these options
     */
    public CallOptions maxResponseBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
        }
        this.maxResponseBytes = bytes;
        return this;
    }

    Duration readTimeoutOr(Duration otherwise) {
        return readTimeout == null ? otherwise : readTimeout;
    }

    RetryPolicy retryPolicyOr(RetryPolicy otherwise) {
        return retryPolicy == null ? otherwise : retryPolicy;
    }

    int maxResponseBytesOr(int otherwise) {
        return maxResponseBytes == null ? otherwise : maxResponseBytes;
    }
}
