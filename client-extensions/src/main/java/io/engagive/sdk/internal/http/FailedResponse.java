package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.ErrorContext;
import io.engagive.sdk.error.ErrorEnvelope;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One response that means failure, as far as it was read: its error context (status, path,
 * request id, redacted preview), its parsed and redacted envelope, and the attempt it answered.
 *
 * @param context what the exception will carry
 * @param envelope the parsed envelope, or null when the body was not one
 * @param attempt the attempt the response answered
 */
record FailedResponse(ErrorContext context, ErrorEnvelope envelope, Attempt attempt) {

    private static final int MAX_SERVER_TEXT = 512;
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}+");

    /** Returns the envelope, when the body was one. */
    Optional<ErrorEnvelope> parsedEnvelope() {
        return Optional.ofNullable(envelope);
    }

    /** Returns the server's own words on one line, bounded: the envelope's {@code error}, else its {@code message}. */
    Optional<String> serverText() {
        return parsedEnvelope().flatMap(ErrorEnvelope::describe).map(FailedResponse::oneLine);
    }

    /** Returns the text with control characters as spaces and cut to a bounded length; null stays null. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String flat = CONTROLS.matcher(text).replaceAll(" ").strip();
        return flat.length() > MAX_SERVER_TEXT ? flat.substring(0, MAX_SERVER_TEXT) + "…" : flat;
    }
}
