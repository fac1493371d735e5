package io.engagive.sdk.internal.http;

import feign.FeignException;
import feign.codec.EncodeException;
import io.engagive.sdk.internal.auth.AccessToken;
import io.engagive.sdk.internal.auth.TokenGuard;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.events.RetryDecision;
import io.engagive.sdk.internal.redaction.SecretRedactor;
import io.engagive.sdk.retry.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every call of a generated API: checks the token before anything is sent, hands each
 * attempt its {@link CallContext} (token, deadline), retries only what the {@link RetryPolicy}
 * allows (plus one retry when a 401 meets a rotated token), and guarantees that only
 * {@link EngagiveException}s (or {@link IllegalArgumentException} for an unusable argument) leave
 * the client.
 */
final class ApiInvocationHandler implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiInvocationHandler.class);
    private static final RetryDecision SUCCEEDED = RetryDecision.no("succeeded");

    private final InvocationHandler feign;
    private final String apiName;
    private final OperationLookup operations;
    private final TokenGuard tokens;
    private final RetryPolicy retryPolicy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Timing timing;
    private final CallListener listener;

    /**
     * Creates the handler for one generated API.
     *
     * @param feign Feign's own handler for the API
     * @param apiName the API interface's simple name, for {@code toString()}
     * @param operations the operation lookup
     * @param tokens checks the token before each attempt
     * @param retryPolicy when to send again, and the call's deadline
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long any one wait for the server may take
     * @param timing where elapsed time is read and how the handler waits between attempts
     * @param listener hears about every call and attempt
     */
    ApiInvocationHandler(InvocationHandler feign, String apiName, OperationLookup operations, TokenGuard tokens,
            RetryPolicy retryPolicy, Duration connectTimeout, Duration readTimeout, Timing timing,
            CallListener listener) {
        this.feign = Objects.requireNonNull(feign, "feign");
        this.apiName = Objects.requireNonNull(apiName, "apiName");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        Operation operation = operations.of(method);
        Object[] prepared = operation.prepareArguments(args);
        CallEvents events = CallEvents.start(listener, operation, timing);
        long deadline = timing.nanoTime() + retryPolicy.deadline().toNanos();
        boolean rotationRetried = false;
        for (int attempt = 1; ; attempt++) {
            AccessToken token;
            try {
                token = tokens.resolve(operation.httpMethod(), operation.pathTemplate());
            } catch (EngagiveException refusedLocally) {
                events.finished(refusedLocally);
                throw refusedLocally;
            }
            CallContext context = new CallContext(operation, token, connectTimeout, readTimeout, timing, deadline);
            prepared[prepared.length - 1] = context;
            long attemptStarted = timing.nanoTime();
            EngagiveException failure;
            try {
                Object result = feign.invoke(proxy, method, prepared);
                events.attempt(context, null, attemptStarted, SUCCEEDED);
                events.finished(null);
                return result;
            } catch (Throwable thrown) {
                failure = translate(thrown, operation, token);
            }
            if (!rotationRetried && failure instanceof AuthenticationException refused
                    && refused.sentToServer() && rotatedSince(token, operation)) {
                rotationRetried = true;
                attempt--;
                events.attempt(context, failure, attemptStarted,
                        new RetryDecision(true, Duration.ZERO, "401 and the token provider has a new token"));
                LOG.debug("{} {} got 401 and the token provider now has a different token; retrying once with it",
                        operation.httpMethod(), operation.pathTemplate());
                continue;
            }
            if (jdkMayHaveResent(failure, operation)) {
                attempt++;
            }
            Duration remaining = Duration.ofNanos(Math.max(0, deadline - timing.nanoTime()));
            Optional<Duration> delay =
                    retryPolicy.delayBeforeRetry(operation.httpMethod(), failure, attempt, remaining);
            if (events.listening()) {
                events.attempt(context, failure, attemptStarted, decision(failure, operation, attempt, delay));
            }
            if (delay.isEmpty()) {
                events.finished(failure);
                throw failure;
            }
            LOG.debug("{} {} failed on attempt {} of {} ({}); retrying in {} ms", operation.httpMethod(),
                    operation.pathTemplate(), attempt, retryPolicy.maxAttempts(), failure.getClass().getSimpleName(),
                    delay.get().toMillis());
            pause(delay.get(), failure, events);
        }
    }

    private RetryDecision decision(EngagiveException failure, Operation operation, int attempt,
            Optional<Duration> delay) {
        String what = failure.getClass().getSimpleName() + " on a " + operation.httpMethod();
        if (delay.isPresent()) {
            return new RetryDecision(true, delay.get(), what + " is retried");
        }
        if (attempt >= retryPolicy.maxAttempts()) {
            return RetryDecision.no(what + ": all " + retryPolicy.maxAttempts() + " attempts used");
        }
        return RetryDecision.no(what + " is not retried" + (operation.isIdempotent() ? " (not a transient failure, "
                + "or no time left before the deadline)" : " (it may have reached the server)"));
    }

    /**
     * java.net.http sends an idempotent request once more, by itself, when its connection closes
     * before any response byte; such an attempt counts twice against the retry policy, so the
     * requests on the wire never exceed {@code maxAttempts} plus that one resend.
     */
    private static boolean jdkMayHaveResent(EngagiveException failure, Operation operation) {
        return failure instanceof ConnectionException dropped && dropped.requestMayHaveReachedServer()
                && !(dropped.getCause() instanceof RedactedCause cause && cause.timedOut())
                && operation.isIdempotent();
    }

    private boolean rotatedSince(AccessToken sent, Operation operation) {
        try {
            return !tokens.resolve(operation.httpMethod(), operation.pathTemplate()).equals(sent);
        } catch (EngagiveException unusableNewToken) {
            return false;
        }
    }

    private static EngagiveException translate(Throwable thrown, Operation operation, AccessToken token) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof EngagiveException engagive) {
                return engagive;
            }
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        String path = operation.pathTemplate();
        if (thrown instanceof EncodeException) {
            return new InvalidRequestException("The request body for " + operation + " could not be encoded as JSON ("
                    + SecretRedactor.redact(thrown.getMessage(), token) + "). Nothing was sent.",
                    ErrorContext.forRequest(operation.httpMethod(), path).build(), null);
        }
        if (thrown instanceof FeignException && thrown.getCause() instanceof IOException io) {
            return connectionFailure(io, operation, token);
        }
        ErrorContext.Builder context = ErrorContext.forRequest(operation.httpMethod(), path);
        if (thrown instanceof FeignException feignFailure && feignFailure.status() > 0) {
            context.httpStatus(feignFailure.status());
        }
        return new UnexpectedResponseException("The call " + operation + " failed unexpectedly ("
                + thrown.getClass().getSimpleName() + ": " + SecretRedactor.redact(thrown.getMessage(), token) + ").",
                context.build(), RedactedCause.of(thrown, token));
    }

    private static ConnectionException connectionFailure(IOException cause, Operation operation, AccessToken token) {
        boolean neverSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException
                || cause instanceof CallContext.DeadlineExceededException deadline && !deadline.sent();
        String what;
        if (cause instanceof CallContext.DeadlineExceededException) {
            what = "did not answer within the call's deadline";
        } else if (cause instanceof SSLHandshakeException) {
            what = "could not be reached over TLS (the handshake failed)";
        } else if (cause instanceof HttpTimeoutException && !neverSent) {
            what = "timed out waiting for the response";
        } else if (neverSent) {
            what = "could not be reached";
        } else {
            what = "exchange failed";
        }
        String consequence = neverSent
                ? "The request was not sent. Check the base URL, DNS, proxy and firewall"
                        + (cause instanceof SSLHandshakeException ? ", and give the builder an sslContext(...) "
                                + "that trusts the server's CA if it is a private one." : ".")
                : "The request may have reached the server"
                        + (operation.isIdempotent() ? "." : ": the message may or may not have "
                                + "been delivered, so it was not sent again; check before resending.");
        return new ConnectionException("The Engagive API " + what + " for " + operation + " ("
                + cause.getClass().getSimpleName() + optionalDetail(cause, token) + "). " + consequence,
                ErrorContext.forRequest(operation.httpMethod(), operation.pathTemplate()).build(), !neverSent,
                RedactedCause.of(cause, token));
    }

    private static String optionalDetail(IOException cause, AccessToken token) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? ""
                : ": " + SecretRedactor.redact(message, token).replaceAll("\\p{Cntrl}", " ");
    }

    private void pause(Duration delay, EngagiveException failure, CallEvents events) {
        try {
            timing.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            events.finished(failure);
            throw failure;
        }
    }


    private Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Engagive " + apiName;
        };
    }
}
