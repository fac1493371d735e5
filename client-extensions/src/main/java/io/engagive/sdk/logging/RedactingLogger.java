package io.engagive.sdk.logging;

import io.engagive.sdk.auth.AccessToken;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's HTTP logging through SLF4J (logger {@code io.engagive.sdk.http}, DEBUG), with the
 * {@code Authorization} header and any other bearer credential redacted at every level, FULL
 * included, and every line (bodies too) cut to a bounded length.
 */
public final class RedactingLogger extends feign.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("io.engagive.sdk.http");

    private final Supplier<AccessToken> currentToken;
    private final int maxLineLength;

    /**
     * @param currentToken the token of the call being logged, or null when none is known
     * @param maxLineLength the longest line logged; longer ones (bodies) are cut
     */
    public RedactingLogger(Supplier<AccessToken> currentToken, int maxLineLength) {
        this.currentToken = Objects.requireNonNull(currentToken, "currentToken");
        if (maxLineLength < 80) {
            throw new IllegalArgumentException("maxLineLength must be at least 80");
        }
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        Object[] safeArgs = args.clone();
        if (safeArgs.length == 2 && "%s: %s".equals(format) && "authorization".equalsIgnoreCase(String.valueOf(safeArgs[0]))) {
            safeArgs[1] = "Bearer " + SecretRedactor.REDACTED;
        }
        String line = SecretRedactor.redact(methodTag(configKey) + String.format(format, safeArgs), currentToken.get());
        if (line.length() > maxLineLength) {
            line = line.substring(0, maxLineLength) + "… (" + (line.length() - maxLineLength) + " more characters)";
        }
        LOG.debug(line);
    }

    @Override
    public String toString() {
        return "RedactingLogger{maxLineLength=" + maxLineLength + "}";
    }
}
