package io.engagive.sdk.events;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A whole call, as a {@link CallListener} sees it when it has ended.
 *
 * @param operation the operation's id in the spec, e.g. {@code sendTemplate}
 * @param httpMethod the HTTP method
 * @param pathTemplate the path template (never the path with account ids or codes)
 * @param attempts how many attempts were made (0 when the call was refused before sending)
 * @param status the last HTTP status, empty when no response came
 * @param requestId the last response's request id, redacted, when it sent one
 * @param failure the simple name of the exception type the call ended with, empty on success
 * @param duration how long the call took, waits between attempts included
 */
public record CallEvent(String operation, String httpMethod, String pathTemplate, int attempts, OptionalInt status,
        Optional<String> requestId, Optional<String> failure, Duration duration) {
}
