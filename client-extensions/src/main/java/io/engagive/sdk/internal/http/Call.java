package io.engagive.sdk.internal.http;

import io.engagive.sdk.transport.TransportRequest;
import java.lang.reflect.Type;
import java.time.Duration;

/**
 * One call of a generated API method as it goes down the pipeline: the operation, the request encoded once, the type
 * its answer decodes into, its events, and the attempt now under way. A call is handled by one thread at a time.
 */
final class Call {

    private final Operation operation;
    private final TransportRequest request;
    private final Type returnType;
    private final Timing timing;
    private final Duration readTimeout;
    private CallEvents events = CallEvents.silent();
    private Attempt attempt;
    private long deadlineNanos;
    private boolean rotationRetried;

    /**
     * Starts a call.
     *
     * @param operation what the spec says of the operation
     * @param request the request, encoded, without credentials
     * @param returnType what the generated method returns
     * @param timing the clock every wait of the call is measured by
     * @param readTimeout how long any one wait for the server may take
     */
    Call(Operation operation, TransportRequest request, Type returnType, Timing timing, Duration readTimeout) {
        this.operation = operation;
        this.request = request;
        this.returnType = returnType;
        this.timing = timing;
        this.readTimeout = readTimeout;
    }

    Operation operation() {
        return operation;
    }

    Type returnType() {
        return returnType;
    }

    Timing timing() {
        return timing;
    }

    CallEvents events() {
        return events;
    }

    void events(CallEvents callEvents) {
        this.events = callEvents;
    }

    /**
     * Starts an attempt (a first one, a retry, or the same attempt again with a rotated token) of the request as
     * encoded, and makes it the current one.
     *
     * @param number the attempt's number, 1 for the first
     * @param deadlineNanos the call's deadline on {@link #timing()}'s clock
     * @return the attempt
     */
    Attempt startAttempt(int number, long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        attempt = new Attempt(this, number, request, readTimeout, deadlineNanos);
        return attempt;
    }

    /**
     * Starts the current attempt afresh (same number, same deadline), for sending it again with a rotated token.
     *
     * @return the new attempt, now the current one
     */
    Attempt restartAttempt() {
        return startAttempt(attempt.attempt(), deadlineNanos);
    }

    /** Returns the attempt under way. */
    Attempt attempt() {
        return attempt;
    }

    /**
     * Claims the call's one retry after a 401 met a rotated token.
     *
     * @return true the first time only
     */
    boolean claimRotationRetry() {
        if (rotationRetried) {
            return false;
        }
        rotationRetried = true;
        return true;
    }

    @Override
    public String toString() {
        return "Call{" + operation + "}";
    }
}
