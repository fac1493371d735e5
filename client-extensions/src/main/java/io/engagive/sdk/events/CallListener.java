package io.engagive.sdk.events;

/**
 * Hears about every call of a client and every attempt within it: what was called (operation,
 * method, path template), how it ended (status, request id, exception type), how long it took and
 * whether it was retried. It never sees the token, arguments or bodies. Register one with
 * {@code EngagiveClient.builder().listener(…)}; it is called on the calling thread (for the asynchronous view,
 * the call starts there and its attempts and end are reported on the threads that complete them), and an exception
 * it throws is logged and ignored, never the call's outcome.
 */
public interface CallListener {

    /** A listener that does nothing, the default. */
    CallListener NONE = new CallListener() {
    };

    /**
     * Called when a call starts, on the calling thread, before its token is checked; the listener
     * it returns hears that call's attempts and end, so a per-call one can hold state such as a
     * span or an open scope.
     *
     * @param call what is about to be called
     * @return the listener for this call; this one by default
     */
    default CallListener callStarted(CallStart call) {
        return this;
    }

    /**
     * Called when one attempt has ended, before the client waits for the next one, if any.
     *
     * @param attempt what happened in the attempt
     */
    default void attemptFinished(AttemptEvent attempt) {
    }

    /**
     * Called on the thread that started a call of the asynchronous view ({@code EngagiveClient.async()}) as that
     * thread returns with the call's future: the call's attempts and end are reported later, on other threads. A
     * listener that bound something to the starting thread (a tracing scope) releases it here. Never called for a
     * blocking call.
     */
    default void callLeftItsThread() {
    }

    /**
     * Called once when the call has ended, successfully or not.
     *
     * @param call what happened in the call
     */
    default void callFinished(CallEvent call) {
    }
}
