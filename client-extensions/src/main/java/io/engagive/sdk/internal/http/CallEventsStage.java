package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.events.CallListener;

/**
 * The call-events stage: asks the listener for the call's own listener when the call starts and tells it how the
 * call ended; the stages below report each attempt through the call's {@link CallEvents}.
 */
final class CallEventsStage implements Stage {

    private final CallListener listener;
    private final Timing timing;

    CallEventsStage(CallListener listener, Timing timing) {
        this.listener = listener;
        this.timing = timing;
    }

    @Override
    public Object proceed(Call call, Pipeline.Chain next) {
        CallEvents events = CallEvents.start(listener, call.operation(), timing);
        call.events(events);
        Object result;
        try {
            result = next.proceed(call);
        } catch (EngagiveException failed) {
            events.finished(failed);
            throw failed;
        }
        events.finished(null);
        return result;
    }

    @Override
    public String toString() {
        return "call events";
    }
}
