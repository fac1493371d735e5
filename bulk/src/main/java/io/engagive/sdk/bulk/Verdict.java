package io.engagive.sdk.bulk;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.MetaErrorReason;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.UpstreamException;
import java.time.Duration;
import java.util.Optional;

/**
 * What a failed send means for its row, by what the failure proves: refusals that prove the message was not sent put
 * the row back (slowing the campaign when they are about its rate, delaying the row when about its recipient) or end
 * it as refused; anything that may have reached WhatsApp ends it as unknown, never to be sent again by itself.
 *
 * @param kind what to do with the row
 * @param reason why, in words
 * @param retryIn for a row put back, how long before it may go again
 * @param slowsCampaign whether the whole campaign waits {@code retryIn} and slows down
 */
record Verdict(Kind kind, String reason, Duration retryIn, boolean slowsCampaign) {

    /** What becomes of the row. */
    enum Kind {
        /** Ends refused: not sent. */
        REFUSED,
        /** Ends unknown: may have been sent. */
        UNKNOWN,
        /** Back to pending: provably not sent, to go again later. */
        PUT_BACK,
        /** Back to pending, and the campaign stops: the token is refused, so every send would be. */
        STOP
    }

    /** How long after Meta's pair rate limit a recipient is tried again (Meta's guidance: about six seconds). */
    static final Duration PAIR_RATE_DELAY = Duration.ofSeconds(6);
    /** How long the campaign waits after a throughput refusal without a Retry-After. */
    static final Duration THROUGHPUT_PAUSE = Duration.ofSeconds(1);
    /** How long a row waits after a refusal Meta calls temporary. */
    static final Duration TRANSIENT_DELAY = Duration.ofSeconds(5);

    static Verdict of(EngagiveException failure) {
        String said = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failure instanceof AuthenticationException) {
            return new Verdict(Kind.STOP, "the token was refused, so the campaign stopped: " + said, Duration.ZERO, false);
        }
        if (failure instanceof RateLimitedException limited) {
            return new Verdict(Kind.PUT_BACK, "429: " + said, limited.retryAfter().orElse(THROUGHPUT_PAUSE), true);
        }
        if (failure instanceof ConnectionException connection) {
            return connection.requestMayHaveReachedServer() ? new Verdict(Kind.UNKNOWN, said, Duration.ZERO, false)
                    : new Verdict(Kind.PUT_BACK, "the request never left: " + said, THROUGHPUT_PAUSE, false);
        }
        if (failure instanceof UpstreamException upstream && upstream.metaError().isPresent()) {
            MetaErrorReason reason = upstream.metaError().get().reason();
            if (reason == MetaErrorReason.THROUGHPUT_LIMIT) {
                return new Verdict(Kind.PUT_BACK, "Meta's throughput limit: " + said, THROUGHPUT_PAUSE, true);
            }
            if (reason == MetaErrorReason.PAIR_RATE_LIMIT) {
                return new Verdict(Kind.PUT_BACK, "Meta's pair rate limit: " + said, PAIR_RATE_DELAY, false);
            }
            return reason.isTransient() ? new Verdict(Kind.PUT_BACK, "Meta refused for now: " + said, TRANSIENT_DELAY, false)
                    : new Verdict(Kind.REFUSED, said, Duration.ZERO, false);
        }
        int status = failure.httpStatus().orElse(0);
        return status >= 400 && status <= 499 ? new Verdict(Kind.REFUSED, said, Duration.ZERO, false)
                : new Verdict(Kind.UNKNOWN, said, Duration.ZERO, false);
    }

    Optional<String> reasonText() {
        return Optional.of(reason.length() > 1000 ? reason.substring(0, 1000) + "…" : reason);
    }
}
