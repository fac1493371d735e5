package io.engagive.sdk.events;

/**
 * A call about to be made, as a {@link CallListener} sees it before the first attempt.
 *
 * @param operation the operation's id in the spec, e.g. {@code sendTemplate}
 * @param httpMethod the HTTP method
 * @param pathTemplate the path template (never the path with account ids or codes)
 */
public record CallStart(String operation, String httpMethod, String pathTemplate) {
}
