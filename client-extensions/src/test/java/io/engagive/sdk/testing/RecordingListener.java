package io.engagive.sdk.testing;

import io.engagive.sdk.events.AttemptEvent;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call listener that keeps every event it hears, in order. */
public final class RecordingListener implements CallListener {

    private final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
    private final List<CallEvent> calls = new CopyOnWriteArrayList<>();

    @Override
    public void attemptFinished(AttemptEvent attempt) {
        attempts.add(attempt);
    }

    @Override
    public void callFinished(CallEvent call) {
        calls.add(call);
    }

    /** Returns every attempt heard so far. */
    public List<AttemptEvent> attempts() {
        return List.copyOf(attempts);
    }

    /** Returns every call heard so far. */
    public List<CallEvent> calls() {
        return List.copyOf(calls);
    }

    /** Forgets everything heard. */
    public void clear() {
        attempts.clear();
        calls.clear();
    }
}
