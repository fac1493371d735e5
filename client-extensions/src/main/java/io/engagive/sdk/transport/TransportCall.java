package io.engagive.sdk.transport;

import java.time.Duration;

/**
 * One attempt of one call, as its transport sees it: the attempt's number, the read timeout, what is left of the
 * call's deadline, and a way to be told when the caller gives up.
 */
public interface TransportCall {

    /**
     * Returns which attempt of the call this is.
     *
     * @return 1 for the first
     */
    int attempt();

    /**
     * Returns how long any one wait for the server may take.
     *
     * @return the read timeout
     */
    Duration readTimeout();

    /**
     * Returns what is left of the call's deadline, which covers every attempt and every wait between them.
     *
     * @return the time left, zero once the deadline has passed
     */
    Duration remaining();

    /**
     * Returns the longest the next wait may take: the read timeout, cut to what is left of the deadline.
     *
     * @return the next wait's bound, always positive
     * @throws TransportTimeoutException (a deadline one) when the deadline has passed
     */
    Duration nextWait() throws TransportTimeoutException;

    /**
     * Tells whether the call's deadline has passed.
     *
     * @return true once it has
     */
    boolean deadlinePassed();

    /**
     * Registers what to do when the caller gives up on the attempt (the exchange is to be aborted and its connection
     * freed); run at once when it already has. The action must be quick and must not throw.
     *
     * @param abort aborts the exchange
     */
    void onCancel(Runnable abort);

    /**
     * Tells whether the caller has given up on the attempt.
     *
     * @return true once cancelled
     */
    boolean isCancelled();
}
