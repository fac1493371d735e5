package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.events.AttemptEvent;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.events.CallStart;
import io.engagive.sdk.events.RetryDecision;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one call's listener that it starts, then about each attempt and the end of the call, from what the call's
 * context and its exceptions carry; never the token or a body. With no listener it does nothing.
 */
final class CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CallEvents.class);
    private static final CallEvents SILENT = new CallEvents(null, null, null, null);

    private final CallListener registered;
    private final CallListener listener;
    private final Operation operation;
    private final Timing timing;
    private final long started;
    private int attempts;
    private OptionalInt lastStatus = OptionalInt.empty();
    private Optional<String> lastRequestId = Optional.empty();

    private CallEvents(CallListener registered, CallListener listener, Operation operation, Timing timing) {
        this.registered = registered;
        this.listener = listener;
        this.operation = operation;
        this.timing = timing;
        this.started = timing == null ? 0 : timing.nanoTime();
    }

    /** Returns the events of a call nobody listens to. */
    static CallEvents silent() {
        return SILENT;
    }

    /**
     * Tells the listener a call starts and returns the events of that call, or a shared instance
     * that does nothing when no listener is registered.
     */
    static CallEvents start(CallListener listener, Operation operation, Timing timing) {
        if (listener == CallListener.NONE) {
            return SILENT;
        }
        CallListener perCall = listener;
        try {
            CallListener returned = listener.callStarted(new CallStart(operation.operationId(),
                    operation.httpMethod(), operation.pathTemplate()));
            if (returned != null) {
                perCall = returned;
            }
        } catch (RuntimeException listenerFailed) {
            warn(listener, listenerFailed);
        }
        return new CallEvents(listener, perCall, operation, timing);
    }

    /** Tells whether a listener hears these events, so that callers build nothing for none. */
    boolean listening() {
        return listener != null;
    }

    /** Reports one attempt that was sent. */
    void attempt(Attempt context, EngagiveException failure, RetryDecision retry) {
        if (listener == null) {
            return;
        }
        attempts++;
        lastStatus = failure != null ? failure.httpStatus()
                : context.status() > 0 ? OptionalInt.of(context.status()) : OptionalInt.empty();
        lastRequestId = failure != null ? failure.requestId() : Optional.ofNullable(context.requestId());
        AttemptEvent event = new AttemptEvent(operation.operationId(), operation.httpMethod(), operation.pathTemplate(),
                attempts, lastStatus, lastRequestId, failureName(failure),
                Duration.ofNanos(timing.nanoTime() - context.startedNanos()), retry);
        deliver(() -> listener.attemptFinished(event));
    }

    /** Reports that the thread which started an asynchronous call has left it. */
    void leftItsThread() {
        if (listener != null) {
            deliver(listener::callLeftItsThread);
        }
    }

    /** Reports the end of the call. */
    void finished(EngagiveException failure) {
        if (listener == null) {
            return;
        }
        OptionalInt status = failure != null && failure.httpStatus().isPresent() ? failure.httpStatus() : lastStatus;
        CallEvent event = new CallEvent(operation.operationId(), operation.httpMethod(), operation.pathTemplate(),
                attempts, status, failure != null && failure.requestId().isPresent() ? failure.requestId() : lastRequestId,
                failureName(failure), Duration.ofNanos(timing.nanoTime() - started));
        deliver(() -> listener.callFinished(event));
    }

    private static Optional<String> failureName(EngagiveException failure) {
        return failure == null ? Optional.empty() : Optional.of(failure.getClass().getSimpleName());
    }

    private void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException listenerFailed) {
            warn(registered, listenerFailed);
        }
    }

    private static void warn(CallListener listener, RuntimeException failure) {
        LOG.warn("The Engagive call listener {} failed ({}); the call goes on", listener,
                failure.getClass().getSimpleName());
    }
}
