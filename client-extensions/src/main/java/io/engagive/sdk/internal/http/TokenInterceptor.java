package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.events.RetryDecision;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token interceptor: asks the provider for the token, checks it locally (nothing is sent with an unusable one),
 * sets it as the attempt's {@code Authorization} header, and — once per call — sends the attempt again when the
 * server answered 401 and the provider has rotated to a different token since.
 */
final class TokenInterceptor implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(TokenInterceptor.class);
    private static final RetryDecision ROTATED =
            new RetryDecision(true, Duration.ZERO, "401 and the token provider has a new token");

    private final TokenGuard guard;

    TokenInterceptor(TokenGuard guard) {
        this.guard = guard;
    }

    @Override
    public Object proceed(Call call, Pipeline.Chain next) {
        AccessToken token = authorize(call);
        try {
            return next.proceed(call);
        } catch (AuthenticationException refused) {
            AccessToken rotated = rotatedRetry(call, refused, token);
            if (rotated == null) {
                throw refused;
            }
            call.restartAttempt().authorize(rotated);
            return next.proceed(call);
        }
    }

    /**
     * Asks the provider for the token, checks it and sets it on the call's current attempt.
     *
     * @param call the call
     * @return the token the attempt carries
     * @throws EngagiveException when the token is unusable: nothing is sent
     */
    AccessToken authorize(Call call) {
        Operation operation = call.operation();
        AccessToken token = guard.resolve(operation.httpMethod(), operation.pathTemplate());
        call.attempt().authorize(token);
        return token;
    }

    /**
     * Decides whether a 401 is answered by sending the attempt once more: only when the request reached the server,
     * the provider now has a different usable token, and the call has not done so already; reports it when so.
     *
     * @param call the call
     * @param refused the 401
     * @param sent the token the refused attempt carried
     * @return the token to send the attempt again with, or null when the 401 is the call's answer
     */
    AccessToken rotatedRetry(Call call, AuthenticationException refused, AccessToken sent) {
        Operation operation = call.operation();
        AccessToken rotated = refused.sentToServer() ? rotatedSince(sent, operation) : null;
        if (rotated == null || !call.claimRotationRetry()) {
            return null;
        }
        call.events().attempt(call.attempt(), refused, ROTATED);
        LOG.debug("{} {} got 401 and the token provider now has a different token; retrying once with it",
                operation.httpMethod(), operation.pathTemplate());
        return rotated;
    }

    /** Returns the provider's token when it is usable and differs from the one the server refused, else null. */
    private AccessToken rotatedSince(AccessToken sent, Operation operation) {
        try {
            AccessToken now = guard.resolve(operation.httpMethod(), operation.pathTemplate());
            return now.equals(sent) ? null : now;
        } catch (EngagiveException unusableNewToken) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "token interceptor";
    }
}
