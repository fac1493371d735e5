package io.engagive.sdk.internal.http;

import io.engagive.sdk.HttpLogLevel;
import io.engagive.sdk.internal.auth.AccessToken;
import io.engagive.sdk.internal.redaction.Printable;
import io.engagive.sdk.internal.redaction.SecretRedactor;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs HTTP exchanges at DEBUG on logger {@code io.engagive.sdk.http}: the token and credential-
 * shaped values redacted at every level, control characters escaped, every line bounded, and a
 * body logged only as the client reads it, so logging never reads more than the body limits allow.
 * When the level is NONE or DEBUG is off it does nothing at all.
 */
final class ExchangeLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.engagive.sdk.http");

    private final HttpLogLevel level;
    private final int maxLineLength;

    ExchangeLog(HttpLogLevel level, int maxLineLength) {
        this.level = Objects.requireNonNull(level, "level");
        this.maxLineLength = maxLineLength;
    }

    boolean enabled() {
        return level != HttpLogLevel.NONE && LOG.isDebugEnabled();
    }

    void request(String method, String url, Map<String, Collection<String>> headers, byte[] body, CallContext call) {
        line(call, "--> " + method + " " + url);
        if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
            headers(headers, call);
            line(call, "Authorization: Bearer " + SecretRedactor.REDACTED);
        }
        if (level == HttpLogLevel.FULL && body != null && body.length > 0) {
            line(call, "--> body: " + new String(body, 0, Math.min(body.length, maxLineLength), StandardCharsets.UTF_8));
        }
    }

    void response(int status, Map<String, List<String>> headers, long elapsedNanos, CallContext call) {
        line(call, "<-- " + status + " " + call.operation() + " (" + elapsedNanos / 1_000_000 + " ms)");
        if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
            headers.forEach((name, values) -> values.forEach(value -> line(call, name + ": " + value)));
        }
    }

    void failure(IOException failure, long elapsedNanos, CallContext call) {
        line(call, "<-- " + failure.getClass().getSimpleName() + " " + call.operation() + " ("
                + elapsedNanos / 1_000_000 + " ms): " + failure.getMessage());
    }

    /** Wraps a body so that, at FULL, what the client reads of it (never more) is logged once it is read or closed. */
    InputStream body(InputStream body, CallContext call) {
        return level == HttpLogLevel.FULL ? new LoggedBody(body, call) : body;
    }

    private void headers(Map<String, Collection<String>> headers, CallContext call) {
        headers.forEach((name, values) -> {
            if (!"authorization".equalsIgnoreCase(name)) {
                values.forEach(value -> line(call, name + ": " + value));
            }
        });
    }

    private void line(CallContext call, String text) {
        AccessToken token = call.token().orElse(null);
        String safe = Printable.escape(SecretRedactor.redact(text, token));
        if (safe.length() > maxLineLength) {
            safe = safe.substring(0, maxLineLength) + "… (" + (safe.length() - maxLineLength) + " more characters)";
        }
        LOG.debug(safe);
    }

    /** A body that keeps the first bytes the client reads and logs them when the client is done with it. */
    private final class LoggedBody extends FilterInputStream {
        private final CallContext call;
        private final ByteArrayOutputStream start = new ByteArrayOutputStream();
        private long read;
        private boolean logged;

        LoggedBody(InputStream body, CallContext call) {
            super(body);
            this.call = call;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                log();
            } else {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int count = super.read(target, offset, length);
            if (count < 0) {
                log();
            } else {
                keep(target, offset, count);
            }
            return count;
        }

        private void keep(byte[] bytes, int offset, int count) {
            read += count;
            int room = maxLineLength - start.size();
            if (room > 0) {
                start.write(bytes, offset, Math.min(room, count));
            }
        }

        @Override
        public void close() throws IOException {
            log();
            super.close();
        }

        private void log() {
            if (!logged) {
                logged = true;
                line(call, "<-- body (" + read + " bytes read): " + start.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
