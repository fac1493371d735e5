package io.engagive.sdk.internal.http;

/**
 * Encodes a query argument (a search text) so that the server's one decoding gives back exactly what the caller
 * wrote: every byte outside RFC 3986's unreserved characters percent-encoded, {@code %}, {@code +}, {@code &} and
 * {@code =} included. Only text that is not valid Unicode is refused.
 */
final class QueryValue {

    private QueryValue() {
    }

    /**
     * Encodes one value.
     *
     * @param value the argument's text
     * @return the encoded value
     * @throws IllegalArgumentException when the text holds an unpaired surrogate, which no encoding can send
     */
    static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException("is not valid Unicode (an unpaired surrogate)");
                }
                i++;
            }
        }
        return PathSegment.percentEncode(value);
    }
}
