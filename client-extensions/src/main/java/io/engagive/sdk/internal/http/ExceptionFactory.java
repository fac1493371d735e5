package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.ApiErrorException;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.ErrorEnvelope;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.internal.Advice;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the typed exception for what a failed response means, with a message that says what
 * failed, the status, the server's own words and what to do next.
 */
final class ExceptionFactory {

    private final Clock clock;

    ExceptionFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the exception for a status; {@code shown} is how the status is described ("HTTP 400, meaning 403"). */
    EngagiveException forStatus(int status, FailedResponse failure, String shown) {
        ErrorContext context = failure.context();
        return switch (status) {
            case 400, 409, 422 -> new InvalidRequestException(message("The Engagive API rejected the request as "
                    + "invalid", shown, failure, "Fix the request body, query or path parameters; sending it again "
                    + "unchanged will fail again."), context, null);
            case 401 -> authentication(failure, shown);
            case 403 -> permission(failure, shown);
            case 404, 410 -> new NotFoundException(message("Not found", shown, failure, "Check the account id and "
                    + "template code; the resource may not exist or may belong to another organisation."), context, null);
            case 407 -> new ApiErrorException(message("A proxy between this client and the Engagive API demands "
                    + "credentials", shown, failure, "The request did not reach the API. Give the builder a "
                    + "proxyAuthenticator(...) that answers for the proxy; for HTTPS with Basic credentials the JVM "
                    + "also needs -Djdk.http.auth.tunneling.disabledSchemes=\"\"."), context, null);
            case 429 -> new RateLimitedException(message("Rate limited by the Engagive API", shown, failure,
                    context.retryAfter().map(wait -> "Retry after " + wait.toSeconds() + " s.")
                            .orElse("Slow down and retry later.")), context);
            case 502 -> new UpstreamException(message("WhatsApp (Meta) failed behind the Engagive API", shown, failure,
                    metaAdvice(failure)), context);
            default -> status >= 500 && status <= 599
                    ? new ServerException(message("The Engagive API failed", shown, failure,
                            "This is on the server side; the same call may succeed later."), context, null)
                    : new ApiErrorException(message("Unexpected status from the Engagive API", shown, failure,
                            "This status is not documented for this API."), context, null);
        };
    }

    /** Returns the exception for a failure that does not say which kind it is. */
    EngagiveException unclassified(FailedResponse failure, String shown) {
        return new ApiErrorException(message("The Engagive API reported a failure", shown, failure,
                "The response did not say which kind; check the message and the request."), failure.context(), null);
    }

    /** Returns the exception for a 2xx body that is not the envelope. */
    EngagiveException unexpected(FailedResponse failure, String shown, String problem) {
        return new UnexpectedResponseException(message("Unexpected response from the Engagive API", shown, failure,
                problem + " A proxy, gateway or wrong base URL may have answered instead of the API."),
                failure.context(), null);
    }

    private AuthenticationException authentication(FailedResponse failure, String shown) {
        Instant expiry = Optional.ofNullable(failure.attempt().token()).flatMap(AccessToken::expiresAt).orElse(null);
        boolean pastExpiry = expiry != null && !clock.instant().isBefore(expiry);
        AuthenticationException.Reason reason =
                ErrorTextRules.authenticationReason(failure.serverText().orElse(""), pastExpiry);
        String advice = pastExpiry ? "The token expired at " + expiry + ". " + Advice.NEW_TOKEN : Advice.NEW_TOKEN;
        return new AuthenticationException(message("Authentication failed", shown, failure, advice), failure.context(),
                reason, pastExpiry ? expiry : null, true);
    }

    private PermissionException permission(FailedResponse failure, String shown) {
        String permission = failure.attempt().operation().requiredPermission();
        PermissionException.Reason reason = ErrorTextRules.permissionReason(failure.serverText().orElse(""));
        String advice = switch (reason) {
            case ACCOUNT_NOT_ALLOWED -> "The token's user may not use this account: check the accountId ("
                    + Advice.ACCOUNT_ID + ") or use a token of a user allowed on it.";
            case PERMISSION_MISSING -> "The token's user lacks the role permission \"" + permission
                    + "\"; ask a portal administrator to grant it, then generate a new token.";
            case UNKNOWN -> "Either the account is not one the token's user may use, or the role lacks \""
                    + permission + "\".";
        };
        return new PermissionException(message("Permission denied", shown, failure, advice), failure.context(), reason,
                permission);
    }

    private static String metaAdvice(FailedResponse failure) {
        return failure.parsedEnvelope()
                .flatMap(ErrorEnvelope::metaError)
                .map(meta -> FailedResponse.oneLine(meta.describe()
                        + meta.message().map(said -> " (Meta says: \"" + said + "\")").orElse("")))
                .orElse("Meta's payload, if any, is in metaResponse; the same call may succeed later.");
    }


    private static String message(String what, String shown, FailedResponse failure, String advice) {
        ErrorContext context = failure.context();
        StringBuilder message = new StringBuilder(what)
                .append(" (").append(shown).append(") on ")
                .append(context.method()).append(' ').append(context.path());
        Optional<String> serverText = failure.serverText();
        if (serverText.isPresent()) {
            message.append(": \"").append(serverText.get()).append('"');
        } else if (!context.bodyPreview().isEmpty()) {
            message.append(", body: ").append(context.bodyPreview());
        } else {
            message.append(", empty body");
        }
        message.append(". ").append(advice);
        context.requestId().ifPresent(id -> message.append(" (request id ").append(id).append(')'));
        return message.toString();
    }
}
