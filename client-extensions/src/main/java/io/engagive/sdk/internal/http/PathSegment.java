package io.engagive.sdk.internal.http;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Encodes a path argument (an account id, a template or category code) as exactly one path
 * segment: every byte outside RFC 3986's unreserved characters percent-encoded, {@code %} included,
 * so the server's one decoding gives back the value and nothing else. Values that no encoding makes
 * safe are refused before anything is sent.
 */
final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    /**
     * Encodes one value.
     *
     * @param value the argument's text
     * @return the encoded segment, made of unreserved characters and {@code %XX} only
     * @throws IllegalArgumentException naming the problem, when the value cannot be sent safely
     */
    static String encode(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return percentEncode(value);
    }

    /**
     * Percent-encodes every UTF-8 byte outside RFC 3986's unreserved characters, {@code %} included.
     *
     * @param value well-formed Unicode text
     * @return the encoded text
     */
    static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (isUnreserved(unsigned)) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static String problem(String value) {
        if (value.isBlank()) {
            return "is blank";
        }
        boolean ascii = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    return "is not valid Unicode (an unpaired surrogate)";
                }
                i++;
            }
            ascii &= c < 0x80;
        }
        String normalized = ascii ? value : Normalizer.normalize(value, Normalizer.Form.NFKC);
        if (normalized.indexOf('/') >= 0 || normalized.indexOf('\\') >= 0) {
            return "contains '/' or '\\' (or a character that normalizes to one), which servers route as a path separator";
        }
        if (normalized.strip().equals(".") || normalized.strip().equals("..")) {
            return "is '.' or '..' (or normalizes to one), which servers resolve as a relative path";
        }
        return null;
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
