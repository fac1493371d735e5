package io.engagive.sdk.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds every echo of one token in a text: the token itself, its base64 and that of
 * {@code Bearer <token>} (standard and URL alphabets, padding ignored), each with any of its
 * characters written literally, as a JSON escape ({@code \u002B}, {@code \/}), a percent-encoding
 * ({@code %2B}, either case) or an HTML character reference ({@code &#43;}, {@code &#x2B;}), in any
 * mixture. A hand-written scan: no regular expression, and nothing allocated unless it finds one.
 */
final class TokenEchoes {

    private static final String REDACTED = "[REDACTED]";

    private final char[][] forms;

    TokenEchoes(String token) {
        byte[] bare = token.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        Set<String> all = new LinkedHashSet<>();
        all.add(token);
        all.add(unpadded(Base64.getEncoder().encodeToString(bare)));
        all.add(unpadded(Base64.getUrlEncoder().encodeToString(bare)));
        all.add(unpadded(Base64.getEncoder().encodeToString(header)));
        all.add(unpadded(Base64.getUrlEncoder().encodeToString(header)));
        forms = all.stream().map(String::toCharArray).toArray(char[][]::new);
    }

    /** Returns the text with every echo replaced by {@value #REDACTED}, or the same text when there is none. */
    String redact(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int end = echoAt(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(REDACTED);
            copied = end;
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private int echoAt(String text, int start) {
        for (char[] form : forms) {
            int end = match(form, text, start);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    private static int match(char[] form, String text, int start) {
        int position = start;
        for (char expected : form) {
            if (position >= text.length()) {
                return -1;
            }
            if (text.charAt(position) == expected) {
                position++;
            } else {
                position = afterEscape(text, position, expected);
                if (position < 0) {
                    return -1;
                }
            }
        }
        return position;
    }

    /** Returns where an escape of {@code expected} that starts at {@code position} ends, or -1 when there is none. */
    private static int afterEscape(String text, int position, char expected) {
        char first = text.charAt(position);
        int length = text.length();
        if (first == '\\' && position + 1 < length) {
            char second = text.charAt(position + 1);
            if (second == '/' && expected == '/') {
                return position + 2;
            }
            if (second == 'u' && position + 6 <= length && hex(text, position + 2, position + 6) == expected) {
                return position + 6;
            }
        } else if (first == '%' && position + 3 <= length && hex(text, position + 1, position + 3) == expected) {
            return position + 3;
        } else if (first == '&' && position + 1 < length && text.charAt(position + 1) == '#') {
            return afterCharacterReference(text, position + 2, expected);
        }
        return -1;
    }

    private static int afterCharacterReference(String text, int start, char expected) {
        boolean hex = start < text.length() && (text.charAt(start) == 'x' || text.charAt(start) == 'X');
        int digits = hex ? start + 1 : start;
        int end = text.indexOf(';', digits);
        if (end < 0 || end == digits || end - digits > 8) {
            return -1;
        }
        long value = hex ? hex(text, digits, end) : decimal(text, digits, end);
        return value == expected ? end + 1 : -1;
    }

    private static long hex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static long decimal(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String unpadded(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }
}
