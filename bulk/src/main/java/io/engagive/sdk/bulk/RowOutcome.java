package io.engagive.sdk.bulk;

/** How one row of a campaign ended; every row ends in exactly one. */
public enum RowOutcome {
    /** The message was sent; its message id is known. */
    SENT,
    /** The message was refused for a reason that proves it was not sent; it will not be sent. */
    REFUSED,
    /** The request may have reached the server and its answer was lost: it may have been sent. Never resent by itself. */
    UNKNOWN,
    /** An earlier run ended this row already; nothing was done now. */
    ALREADY_DONE
}
