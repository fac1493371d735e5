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
        Operation operation = call.operation();
        AccessToken token = guard.resolve(operation.httpMethod(), operation.pathTemplate());
        Attempt attempt = call.attempt();
        attempt.authorize(token);
        try {
            return next.proceed(call);
        } catch (AuthenticationException refused) {
            AccessToken rotated = refused.sentToServer() ? rotatedSince(token, operation) : null;
            if (rotated == null || !call.claimRotationRetry()) {
                throw refused;
            }
            call.events().attempt(attempt, refused, ROTATED);
            LOG.debug("{} {} got 401 and the token provider now has a different token; retrying once with it",
                    operation.httpMethod(), operation.pathTemplate());
            Attempt again = call.restartAttempt();
            again.authorize(rotated);
            return next.proceed(call);
        }
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
