package io.engagive.sdk.internal.http;

import java.util.regex.Pattern;

/**
 * Removes bearer credentials from text that came from a server or goes to a log: every echo of
 * the call's own token (see {@link AccessToken#redact}), any credential-shaped value after the
 * word {@code Bearer}, and any JWT-shaped string; the words around them are left as they were.
 */
final class SecretRedactor {

    /** What a removed secret is replaced with. */
    public static final String REDACTED = "[REDACTED]";

    /** After "Bearer": a value of 16 or more token characters, so that "Bearer token" in prose stays readable. */
    private static final Pattern BEARER_CREDENTIAL =
            Pattern.compile("(?i)\\b(bearer)(\\s+|%20|\\+)[A-Za-z0-9\\-._~+/%\\\\]{16,}=*");
    private static final Pattern JWT_SHAPED = Pattern.compile("eyJ[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]*");

    private SecretRedactor() {
    }

    /**
     * Redacts one text.
     *
     * @param text any text, may be null
     * @param token the call's token, may be null
     * @return the text with every bearer credential replaced by {@value #REDACTED}
     */
    public static String redact(String text, AccessToken token) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = token == null ? text : token.redact(text);
        if (redacted.indexOf('.') >= 0) {
            redacted = JWT_SHAPED.matcher(redacted).replaceAll(REDACTED);
        }
        return BEARER_CREDENTIAL.matcher(redacted).replaceAll("$1 " + REDACTED);
    }
}
