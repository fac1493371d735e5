package io.engagive.sdk.internal.http;

import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * At most a fixed number of bytes read from a response body, and whether more were left unread.
 *
 * @param bytes what was read
 * @param truncated whether the body had more
 */
record BoundedBody(byte[] bytes, boolean truncated) {

    /** An error body that could not be read (it stalled or the connection dropped); nothing of it is used. */
    static BoundedBody unreadable() {
        return new BoundedBody(new byte[0], false);
    }

    /**
     * Reads at most {@code limit} bytes. A body of declared length within the limit is read into one
     * array of exactly that size (no growing buffer, no final copy); any other is read up to one byte
     * past the limit to learn whether it had more.
     */
    static BoundedBody read(Response response, int limit) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new BoundedBody(new byte[0], false);
        }
        Integer declared = body.length();
        try (InputStream in = body.asInputStream()) {
            if (declared != null && declared >= 0 && declared <= limit) {
                return new BoundedBody(readDeclared(in, declared), false);
            }
            byte[] read = in.readNBytes(limit + 1);
            if (read.length > limit) {
                return new BoundedBody(Arrays.copyOf(read, limit), true);
            }
            return new BoundedBody(read, false);
        }
    }

    /**
     * The declared bytes, then the end of the body read too, so the body is finished rather than
     * abandoned and its connection stays open for the next call; fewer bytes when the connection
     * ended early (the decoder then finds truncated JSON).
     */
    private static byte[] readDeclared(InputStream in, int declared) throws IOException {
        byte[] bytes = new byte[declared];
        int read = in.readNBytes(bytes, 0, declared);
        if (read == declared && in.read() < 0) {
            return bytes;
        }
        return Arrays.copyOf(bytes, read);
    }

    boolean isEmpty() {
        return bytes.length == 0;
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
