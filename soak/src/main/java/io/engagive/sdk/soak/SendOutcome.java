package io.engagive.sdk.soak;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;

/** What the client said became of one send, and so how often the sandbox may have recorded it. */
enum SendOutcome {
    /** The client returned the sent message: recorded exactly once. */
    SENT(1, 1),
    /** The server answered with an error (or refused it through Meta): recorded never. */
    REFUSED(0, 0),
    /** The client proved it never left (token refused locally, no connection): recorded never. */
    NOT_SENT(0, 0),
    /** It may have reached the server (the answer was lost or spoiled): recorded at most once. */
    UNKNOWN(0, 1);

    private final int least;
    private final int most;

    SendOutcome(int least, int most) {
        this.least = least;
        this.most = most;
    }

    /** Whether the sandbox recording the send this many times agrees with this outcome. */
    boolean allows(int recorded) {
        return recorded >= least && recorded <= most;
    }

    /** Reads a typed failure of a send. */
    static SendOutcome of(EngagiveException failure) {
        if (failure instanceof AuthenticationException auth && !auth.sentToServer()) {
            return NOT_SENT;
        }
        if (failure instanceof ConnectionException connection) {
            return connection.requestMayHaveReachedServer() ? UNKNOWN : NOT_SENT;
        }
        int status = failure.httpStatus().orElse(0);
        return status >= 300 ? REFUSED : UNKNOWN;
    }
}
