package io.engagive.sdk.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A {@link TokenProvider} that reads a file (UTF-8, a leading byte-order mark and surrounding
 * whitespace ignored) and reads it again when its modification time, size or identity changes, so a
 * rotated token is picked up on the next call.
 */
final class FileTokenProvider implements TokenProvider {

    private static final int MAX_TOKEN_FILE_BYTES = 64 * 1024;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Path file;
    private volatile Snapshot snapshot;

    FileTokenProvider(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String currentToken() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        Snapshot current = snapshot;
        if (current != null && current.matches(attributes)) {
            return current.token;
        }
        Snapshot fresh = new Snapshot(attributes, read());
        snapshot = fresh;
        return fresh.token;
    }

    private String read() {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_TOKEN_FILE_BYTES + 1);
            if (bytes.length > MAX_TOKEN_FILE_BYTES) {
                throw new IllegalStateException("token file " + file + " is larger than " + MAX_TOKEN_FILE_BYTES
                        + " bytes; it should hold one token");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return (text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Returns the file this provider reads.
     *
     * @return the file this provider reads
     */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "FileTokenProvider[" + file + "]";
    }

    /** The token read from the file, with the attributes it had when read. */
    private static final class Snapshot {
        private final FileTime modified;
        private final long size;
        private final Object fileKey;
        private final String token;

        Snapshot(BasicFileAttributes attributes, String token) {
            this.modified = attributes.lastModifiedTime();
            this.size = attributes.size();
            this.fileKey = attributes.fileKey();
            this.token = token;
        }

        boolean matches(BasicFileAttributes attributes) {
            return modified.equals(attributes.lastModifiedTime()) && size == attributes.size()
                    && Objects.equals(fileKey, attributes.fileKey());
        }
    }
}
