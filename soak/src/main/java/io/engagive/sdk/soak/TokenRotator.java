package io.engagive.sdk.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Replaces the token file atomically, as an operator's rotation does: mostly a fresh valid token, sometimes an expired
 * one, a badly signed one, or a blank file. Every token written is watched for by the leak scanner first.
 */
final class TokenRotator {

    private final SandboxAdmin admin;
    private final Path file;
    private final LeakScanner scanner;
    private final SplittableRandom random;
    private long rotations;
    private long ticks;
    private boolean bad;

    TokenRotator(SandboxAdmin admin, Path file, LeakScanner scanner, long seed) {
        this.admin = admin;
        this.file = file;
        this.scanner = scanner;
        this.random = new SplittableRandom(seed);
    }

    /** Writes a valid token, so the run starts from a working client. */
    void start() {
        write(admin.token("valid"));
    }

    /**
     * Called every second: a bad token is replaced by a valid one after a second, as an operator fixes a bad
     * rotation; otherwise every third second the next token is written, 70 % valid, 10 % expired, 10 % badly
     * signed, 10 % blank.
     */
    void tick() {
        ticks++;
        if (bad) {
            bad = false;
            write(admin.token("valid"));
        } else if (ticks % 3 == 0) {
            int dice = random.nextInt(100);
            bad = dice >= 70;
            write(dice < 70 ? admin.token("valid") : dice < 80 ? admin.token("expired")
                    : dice < 90 ? admin.token("bad_signature") : "   ");
        }
    }

    long rotations() {
        return rotations;
    }

    private void write(String token) {
        scanner.watch(token.strip());
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, token + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            rotations++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the token file " + file, e);
        }
    }
}
