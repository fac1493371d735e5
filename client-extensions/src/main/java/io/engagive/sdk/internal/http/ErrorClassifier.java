package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorEnvelope;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides what a failed response means (an error status, or a 2xx envelope with
 * {@code success: false}) and has the typed exception for it built.
 */
final class ErrorClassifier {

    private final FailedResponseReader reader;
    private final ExceptionFactory exceptions;

    /**
     * Creates the classifier.
     *
     * @param mapper the JSON mapper
     * @param basePath the path part of the base URL, stripped from reported paths
     * @param clock the clock Retry-After dates and token expiry are judged by
     */
    ErrorClassifier(ObjectMapper mapper, String basePath, Clock clock) {
        this.reader = new FailedResponseReader(mapper, basePath, clock);
        this.exceptions = new ExceptionFactory(clock);
    }

    /** Returns the exception for an error status; the body may be anything, including not JSON. */
    EngagiveException fromStatus(Attempt attempt, TransportResponse response, BoundedBody body) {
        FailedResponse failure = reader.read(attempt, response, body);
        int status = response.status();
        int meant = status >= 400 && status <= 499 ? meaningOfClientError(status, failure)
                : refusesTheAccount(failure) ? 403 : status;
        return exceptions.forStatus(meant, failure, meant == status ? "HTTP " + status
                : "HTTP " + status + ", meaning " + meant);
    }

    /**
     * Returns the exception for a 2xx envelope that says it failed ("403 or error body"): the body's
     * own {@code statusCode} decides, else its words.
     */
    EngagiveException fromFailedEnvelope(Attempt attempt, TransportResponse response, BoundedBody body) {
        FailedResponse failure = reader.read(attempt, response, body);
        int meant = refusesTheAccount(failure) ? 403 : failure.parsedEnvelope()
                .flatMap(ErrorEnvelope::statusCode)
                .filter(code -> code >= 400 && code <= 599)
                .orElseGet(() -> ErrorTextRules.statusFromText(failure.serverText().orElse("")));
        String shown = "HTTP " + response.status() + " with success=false" + (meant > 0 ? ", meaning " + meant : "");
        return meant > 0 ? exceptions.forStatus(meant, failure, shown) : exceptions.unclassified(failure, shown);
    }

    /** Returns the exception for a 2xx body that is not the Engagive envelope. */
    EngagiveException unexpectedBody(Attempt attempt, TransportResponse response, BoundedBody body, String problem) {
        return exceptions.unexpected(reader.read(attempt, response, body), "HTTP " + response.status(), problem);
    }

    /**
     * "403 or error body" on any other status (a 5xx included): a body whose own {@code statusCode} is 403, or
     * whose words refuse the account, is the wrong-account refusal, which is final and never sent again. A body
     * passing on Meta's own error is Meta's refusal, whatever its words.
     */
    private static boolean refusesTheAccount(FailedResponse failure) {
        Optional<ErrorEnvelope> envelope = failure.parsedEnvelope();
        if (envelope.flatMap(ErrorEnvelope::metaError).isPresent()) {
            return false;
        }
        return envelope.flatMap(ErrorEnvelope::statusCode).filter(code -> code == 403).isPresent()
                || ErrorTextRules.refusesTheAccount(failure.serverText().orElse(""));
    }

    /**
     * "403 or error body": a wrong account may come back as an error envelope on another 4xx, so
     * the body's own {@code statusCode}, or its refusal of the account, outranks the HTTP status.
     */
    private static int meaningOfClientError(int status, FailedResponse failure) {
        Optional<Integer> declared = failure.parsedEnvelope().flatMap(ErrorEnvelope::statusCode)
                .filter(code -> code >= 400 && code <= 499);
        if (declared.isPresent()) {
            return declared.get();
        }
        return ErrorTextRules.refusesTheAccount(failure.serverText().orElse("")) ? 403 : status;
    }

    @Override
    public String toString() {
        return "ErrorClassifier";
    }
}
