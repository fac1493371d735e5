package io.engagive.sdk.internal.http;

import io.engagive.sdk.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * At most a fixed number of bytes read from a response body, and whether more were left unread.
 *
 * @param bytes what was read
 * @param truncated whether the body had more than the limit
 * @param cutShort whether the body ended, or could not be read, before its declared end
 */
record BoundedBody(byte[] bytes, boolean truncated, boolean cutShort) {

    /** How much of a declared body is read before an array of its whole declared length is made. */
    static final int EAGER_BYTES = 1024 * 1024;

    /** An error body that could not be read (it stalled or the connection dropped); nothing of it is used. */
    static BoundedBody unreadable() {
        return new BoundedBody(new byte[0], false, true);
    }

    /**
     * Reads at most {@code limit} bytes, leaving the response for its owner to close. A body of declared length within the limit ends up in one
     * array of exactly that size (no growing buffer; for bodies over {@link #EAGER_BYTES}, their first
     * part is copied once); any other is read up to one byte past the limit to learn whether it had more.
     */
    static BoundedBody read(TransportResponse response, int limit) throws IOException {
        long declared = response.contentLength().orElse(-1);
        InputStream in = response.body();
        if (declared >= 0 && declared <= limit) {
            byte[] bytes = readDeclared(in, (int) declared);
            return new BoundedBody(bytes, false, bytes.length < declared);
        }
        byte[] read = in.readNBytes(limit + 1);
        if (read.length > limit) {
            return new BoundedBody(Arrays.copyOf(read, limit), true, false);
        }
        return new BoundedBody(read, false, false);
    }

    /**
     * The declared bytes, then the end of the body read too, so the body is finished rather than
     * abandoned and its connection stays open for the next call; fewer bytes when the connection
     * ended early (the decoder then finds truncated JSON). The array of the declared length is made
     * only once the first {@value #EAGER_BYTES} bytes have arrived, so a server that declares a large
     * body and sends little cannot make the client allocate it.
     */
    private static byte[] readDeclared(InputStream in, int declared) throws IOException {
        int first = Math.min(declared, EAGER_BYTES);
        byte[] bytes = new byte[first];
        int read = in.readNBytes(bytes, 0, first);
        if (read == first && declared > first) {
            bytes = Arrays.copyOf(bytes, declared);
            read += in.readNBytes(bytes, first, declared - first);
        }
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
