package io.engagive.sdk.micrometer;

import io.engagive.sdk.events.AttemptEvent;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.events.CallStart;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call's observation: started, and its scope opened on the calling thread when the call
 * starts, so logs and child spans see the trace during the call; given the outcome's tags and
 * stopped when it ends. For an asynchronous call the scope is closed when the starting thread returns with the
 * future, and the observation stops when the call ends, on whichever thread ends it.
 */
final class ObservedCall implements CallListener {

    private static final String NONE = "none";

    private final Observation observation;
    private final Observation.Scope scope;
    private final Thread opener = Thread.currentThread();
    private final AtomicBoolean scopeOpen = new AtomicBoolean(true);
    private final MeterRegistry meters;
    private final String operation;

    private ObservedCall(Observation observation, MeterRegistry meters, String operation) {
        this.observation = observation;
        this.scope = observation.openScope();
        this.meters = meters;
        this.operation = operation;
    }

    static ObservedCall start(CallStart call, MeterRegistry meters, ObservationRegistry observations) {
        Observation observation = Observation.createNotStarted(MicrometerCallListener.CALLS, observations)
                .contextualName("engagive " + call.operation())
                .lowCardinalityKeyValue("operation", call.operation())
                .lowCardinalityKeyValue("method", call.httpMethod())
                .highCardinalityKeyValue("engagive.path", call.pathTemplate())
                .start();
        return new ObservedCall(observation, meters, call.operation());
    }

    @Override
    public void attemptFinished(AttemptEvent attempt) {
        if (attempt.retry().retried()) {
            count(MicrometerCallListener.RETRIES, "Attempts of Engagive API calls that failed and were sent again",
                    attempt.failure().orElse(NONE));
        }
    }

    /** An asynchronous call's starting thread returns: its scope is closed there, the observation goes on. */
    @Override
    public void callLeftItsThread() {
        closeScope();
    }

    /** Closes the scope on the thread that opened it, once; another thread must not touch that thread's scope. */
    private void closeScope() {
        if (Thread.currentThread() == opener && scopeOpen.compareAndSet(true, false)) {
            scope.close();
        }
    }

    @Override
    public void callFinished(CallEvent call) {
        try {
            String outcome = outcome(call);
            if (outcome.equals("REFUSED_LOCALLY")) {
                count(MicrometerCallListener.TOKEN_REFUSALS,
                        "Engagive API calls refused before sending because of the token", call.failure().orElse(NONE));
            }
            observation.lowCardinalityKeyValue("status", statusClass(call.status()))
                    .lowCardinalityKeyValue("outcome", outcome)
                    .lowCardinalityKeyValue("exception", call.failure().orElse(NONE))
                    .highCardinalityKeyValue("engagive.attempts", Integer.toString(call.attempts()));
            call.requestId().ifPresent(id -> observation.highCardinalityKeyValue("engagive.request.id", id));
            call.failure().ifPresent(type -> observation.error(new EngagiveCallFailed(type, call.status())));
        } finally {
            closeScope();
            observation.stop();
        }
    }

    private void count(String name, String description, String exception) {
        Counter.builder(name).description(description).tag("operation", operation).tag("exception", exception)
                .register(meters).increment();
    }

    private static String outcome(CallEvent call) {
        if (call.failure().isEmpty()) {
            return "SUCCESS";
        }
        if (call.attempts() == 0) {
            return "REFUSED_LOCALLY";
        }
        OptionalInt status = call.status();
        if (status.isEmpty()) {
            return "NO_RESPONSE";
        }
        int code = status.getAsInt();
        if (code >= 400 && code < 500) {
            return "CLIENT_ERROR";
        }
        return code >= 500 && code < 600 ? "SERVER_ERROR" : "UNEXPECTED_RESPONSE";
    }

    private static String statusClass(OptionalInt status) {
        if (status.isEmpty() || status.getAsInt() < 100 || status.getAsInt() > 599) {
            return NONE;
        }
        return status.getAsInt() / 100 + "xx";
    }

    /** What the observation's error is: the failed call's exception type and status, without a stack. */
    static final class EngagiveCallFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EngagiveCallFailed(String exceptionType, OptionalInt status) {
            super(exceptionType + status.stream().mapToObj(code -> " (HTTP " + code + ")").findFirst().orElse(""),
                    null, false, false);
        }
    }
}
