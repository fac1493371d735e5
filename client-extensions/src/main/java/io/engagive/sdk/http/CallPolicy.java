package io.engagive.sdk.http;

import feign.FeignException;
import feign.codec.EncodeException;
import io.engagive.sdk.auth.AccessToken;
import io.engagive.sdk.auth.TokenGuard;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.logging.SecretRedactor;
import io.engagive.sdk.retry.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every call of a generated API: checks the token before anything is sent, retries only
 * what the {@link RetryPolicy} allows (plus one retry when a 401 meets a rotated token), and
 * guarantees that only {@link EngagiveException}s (or {@link IllegalArgumentException} for a
 * missing required argument) leave the client.
 */
public final class CallPolicy implements InvocationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CallPolicy.class);

    private final InvocationHandler feign;
    private final String apiName;
    private final OperationLookup operations;
    private final TokenGuard tokens;
    private final TokenBinding binding;
    private final RetryPolicy retryPolicy;

    /**
     * @param feign Feign's own handler for the API
     * @param apiName the API interface's simple name, for {@code toString()}
     * @param operations the operation lookup
     * @param tokens checks the token before each attempt
     * @param binding carries the checked token to the interceptor and error handling
     * @param retryPolicy when to send again
     */
    public CallPolicy(InvocationHandler feign, String apiName, OperationLookup operations, TokenGuard tokens,
            TokenBinding binding, RetryPolicy retryPolicy) {
        this.feign = Objects.requireNonNull(feign, "feign");
        this.apiName = Objects.requireNonNull(apiName, "apiName");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        Operation operation = operations.of(method);
        operation.requireArguments(args);
        long deadline = System.nanoTime() + retryPolicy.deadline().toNanos();
        boolean rotationRetried = false;
        for (int attempt = 1; ; attempt++) {
            AccessToken token = tokens.resolve(operation.httpMethod(), operation.pathTemplate());
            EngagiveException failure;
            binding.bind(token);
            try {
                return feign.invoke(proxy, method, args);
            } catch (Throwable thrown) {
                failure = translate(thrown, operation, token);
            } finally {
                binding.clear();
            }
            if (!rotationRetried && failure instanceof AuthenticationException
                    && ((AuthenticationException) failure).sentToServer() && rotatedSince(token, operation)) {
                rotationRetried = true;
                attempt--;
                LOG.debug("{} {} got 401 and the token provider now has a different token; retrying once with it",
                        operation.httpMethod(), operation.pathTemplate());
                continue;
            }
            Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<Duration> delay =
                    retryPolicy.delayBeforeRetry(operation.httpMethod(), failure, attempt, remaining);
            if (delay.isEmpty()) {
                throw failure;
            }
            LOG.debug("{} {} failed on attempt {} of {} ({}); retrying in {} ms", operation.httpMethod(),
                    operation.pathTemplate(), attempt, retryPolicy.maxAttempts(), failure.getClass().getSimpleName(),
                    delay.get().toMillis());
            pause(delay.get(), failure);
        }
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
            if (cause instanceof EngagiveException) {
                return (EngagiveException) cause;
            }
        }
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        String path = operation.pathTemplate();
        if (thrown instanceof EncodeException) {
            return new InvalidRequestException("The request body for " + operation + " could not be encoded as JSON ("
                    + SecretRedactor.redact(thrown.getMessage(), token) + "). Nothing was sent.",
                    ErrorContext.forRequest(operation.httpMethod(), path).build(), null);
        }
        if (thrown instanceof FeignException && thrown.getCause() instanceof IOException) {
            return connectionFailure((IOException) thrown.getCause(), operation, token);
        }
        ErrorContext.Builder context = ErrorContext.forRequest(operation.httpMethod(), path);
        if (thrown instanceof FeignException && ((FeignException) thrown).status() > 0) {
            context.httpStatus(((FeignException) thrown).status());
        }
        return new UnexpectedResponseException("The call " + operation + " failed unexpectedly ("
                + thrown.getClass().getSimpleName() + ": " + SecretRedactor.redact(thrown.getMessage(), token) + ").",
                context.build(), null);
    }

    private static ConnectionException connectionFailure(IOException cause, Operation operation, AccessToken token) {
        boolean neverSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException;
        String what = cause instanceof java.net.http.HttpTimeoutException && !neverSent
                ? "timed out waiting for the response"
                : "could not connect";
        String consequence = neverSent
                ? "The request was not sent. Check the base URL, DNS, proxy and firewall."
                : "The request may have reached the server"
                        + ("GET".equals(operation.httpMethod()) ? "." : ": the message may or may not have been "
                                + "delivered, so it was not sent again; check before resending.");
        return new ConnectionException("The Engagive API " + what + " for " + operation + " ("
                + cause.getClass().getSimpleName() + optionalDetail(cause, token) + "). " + consequence,
                ErrorContext.forRequest(operation.httpMethod(), operation.pathTemplate()).build(), !neverSent, cause);
    }

    private static String optionalDetail(IOException cause, AccessToken token) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "" : ": " + SecretRedactor.redact(message, token);
    }

    private static void pause(Duration delay, EngagiveException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "Engagive " + apiName;
        }
    }
}
