package io.engagive.sdk.transport;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A response whose status and headers have arrived and whose body is still to be read. Every read of the body waits
 * at most the call's {@link TransportCall#nextWait()}; closing it before its end aborts the exchange.
 *
 * @param status the HTTP status
 * @param headers the headers, in a map whose look-ups ignore case (java.net.http's does; elsewhere a {@code TreeMap}
 *     ordered by {@link String#CASE_INSENSITIVE_ORDER})
 * @param body the body, empty for none
 */
public record TransportResponse(int status, Map<String, List<String>> headers, InputStream body) implements Closeable {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException when the headers or body are null
     */
    public TransportResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Returns the first value of a header, by name regardless of case (even when the map is not case-insensitive).
     *
     * @param name the header's name, in any case
     * @return its first value, or null
     */
    public String firstHeader(String name) {
        List<String> values = headers.get(name);
        if (values == null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey())) {
                    values = header.getValue();
                    break;
                }
            }
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns the body's declared length.
     *
     * @return the {@code Content-Length}, when present and a whole number
     */
    public OptionalLong contentLength() {
        String declared = firstHeader("Content-Length");
        if (declared == null) {
            return OptionalLong.empty();
        }
        try {
            long length = Long.parseLong(declared.trim());
            return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /**
     * Returns this response with its body read into memory: at most {@code limit + 1} bytes. A body read to its end
     * is closed here; a longer one is left open behind the returned body, whose {@code close()} closes it — so its
     * reader, seeing more than it wants, can cancel the exchange first rather than have the library drain the rest.
     * A failure while reading is kept, not thrown: the returned body gives the bytes that came, then throws it — so a
     * body cut short reads as it would have from the network.
     *
     * @param limit the most bytes of the body the caller will use
     * @return the response, its body in memory
     */
    public TransportResponse readFully(int limit) {
        byte[] bytes = new byte[Math.min(limit + 1, 8192)];
        int length = 0;
        IOException failure = null;
        try {
            int read;
            while (length <= limit && (read = body.read(bytes, length, Math.min(bytes.length, limit + 1) - length)) >= 0) {
                length += read;
                if (length == bytes.length && length <= limit) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min((long) limit + 1, bytes.length * 2L));
                }
            }
        } catch (IOException failed) {
            failure = failed;
        }
        boolean more = failure == null && length > limit;
        if (!more) {
            closeQuietly(body);
        }
        return new TransportResponse(status, headers, new InMemory(bytes, length, failure, more ? body : null));
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // read to its end or failed: nothing of it is used any more
        }
    }

    /**
     * Closes the body; before its end this aborts the exchange.
     *
     * @throws IOException when closing fails
     */
    @Override
    public void close() throws IOException {
        body.close();
    }

    @Override
    public String toString() {
        return "TransportResponse{" + status + "}";
    }

    /** Bytes that came, then the failure that stopped them (if one did); closing it closes what is left unread. */
    private static final class InMemory extends InputStream {
        private final ByteArrayInputStream bytes;
        private final IOException failure;
        private final InputStream unread;

        InMemory(byte[] bytes, int length, IOException failure, InputStream unread) {
            this.bytes = new ByteArrayInputStream(bytes, 0, length);
            this.failure = failure;
            this.unread = unread;
        }

        @Override
        public int read() throws IOException {
            int next = bytes.read();
            if (next < 0 && failure != null) {
                throw failure;
            }
            return next;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int read = bytes.read(into, offset, length);
            if (read < 0 && failure != null) {
                throw failure;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            if (unread != null) {
                unread.close();
            }
        }
    }
}
