package io.engagive.sdk.cli;

import io.engagive.sdk.auth.TokenProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The token a command was configured with, read once: its value (or none), and what is wrong with
 * its source, such as a token file that other users can read (refused by ssh for keys, warned here).
 */
final class ConfiguredToken {

    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final String value;
    private final String problem;
    private final boolean exposed;

    private ConfiguredToken(String value, String problem, boolean exposed) {
        this.value = value == null || value.isBlank() ? null : value;
        this.problem = problem;
        this.exposed = exposed;
    }

    static ConfiguredToken of(String value) {
        return new ConfiguredToken(value, null, false);
    }

    /** Reads a token file once, after checking who else may read it. */
    static ConfiguredToken fromFile(Path file) {
        String exposure = exposure(file);
        try {
            return new ConfiguredToken(TokenProvider.fromFile(file).currentToken(), exposure, exposure != null);
        } catch (UncheckedIOException | IllegalStateException unreadable) {
            String reason = unreadable.getMessage();
            return new ConfiguredToken(null, exposure != null ? exposure : reason, exposure != null);
        }
    }

    private static String exposure(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            Set<PosixFilePermission> shared = EnumSet.copyOf(SHARED);
            shared.retainAll(permissions);
            if (shared.isEmpty()) {
                return null;
            }
            return "the token file " + file + " can be read or changed by other users (" + shared.size()
                    + " group/other permission(s) set); run: chmod 600 " + file;
        } catch (IOException | UnsupportedOperationException notPosix) {
            return null;
        }
    }

    /** Returns the token, or null when none is configured or it could not be read. */
    String value() {
        return value;
    }

    /** Returns what is wrong with the token's source, when something is. */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Tells whether the token file is open to group or others. */
    boolean exposed() {
        return exposed;
    }
}
