package io.engagive.sdk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes token files the way the README tells operators to rotate them. */
public final class TokenFiles {

    private TokenFiles() {
    }

    /** Replaces the file's token atomically: a temporary file renamed over it. */
    public static void replace(Path file, String token) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "token", ".tmp");
        Files.writeString(temporary, token);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
