package io.engagive.sdk.events;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt of a call, as a {@link CallListener} sees it.
 *
 * @param operation the operation's id in the spec, e.g. {@code listTemplates}
 * @param httpMethod the HTTP method
 * @param pathTemplate the path template (never the path with account ids or codes)
 * @param attempt the attempt's number, from 1
 * @param status the HTTP status, empty when no response came
 * @param requestId the response's request id, redacted, when it sent one
 * @param failure the simple name of the exception type, empty on success
 * @param duration how long the attempt took
 * @param retry whether the call is sent again, after how long and why
 */
public record AttemptEvent(String operation, String httpMethod, String pathTemplate, int attempt, OptionalInt status,
        Optional<String> requestId, Optional<String> failure, Duration duration, RetryDecision retry) {
}
