package io.engagive.sdk.internal.http;

import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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

    static BoundedBody read(Response response, int limit) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new BoundedBody(new byte[0], false);
        }
        try (InputStream in = body.asInputStream()) {
            byte[] read = in.readNBytes(limit + 1);
            if (read.length > limit) {
                byte[] kept = new byte[limit];
                System.arraycopy(read, 0, kept, 0, limit);
                return new BoundedBody(kept, true);
            }
            return new BoundedBody(read, false);
        }
    }

    boolean isEmpty() {
        return bytes.length == 0;
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
