package io.engagive.sdk.internal.redaction;

/**
 * Makes text from a server safe to print on a terminal or in a log line: control characters
 * (escape sequences, line breaks, carriage returns) and bidirectional overrides are written as
 * {@code \\uXXXX}, so a template name or an error text can neither clear a screen nor forge a
 * table row or a log line.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * Escapes one text.
     *
     * @param text any text, may be null
     * @return the text with every control and bidi-control character escaped; null stays null
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
