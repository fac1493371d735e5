package io.engagive.sdk.internal.http;

import io.engagive.sdk.HttpLogLevel;
import io.engagive.sdk.internal.redaction.Printable;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import io.engagive.sdk.transport.TransportRequest;
import io.engagive.sdk.transport.TransportResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange-logging stage: logs HTTP exchanges at DEBUG on logger {@code io.engagive.sdk.http}: the token and credential-
 * shaped values redacted at every level, control characters escaped, every line bounded, and a
 * body logged only as the client reads it, so logging never reads more than the body limits allow.
 * It is in the pipeline only when the level is not NONE; with DEBUG off it hands each exchange straight on.
 */
final class ExchangeLogging implements ExchangeStage {

    private static final Logger LOG = LoggerFactory.getLogger("io.engagive.sdk.http");

    private final HttpLogLevel level;
    private final int maxLineLength;

    ExchangeLogging(HttpLogLevel level, int maxLineLength) {
        this.level = Objects.requireNonNull(level, "level");
        this.maxLineLength = maxLineLength;
    }

    @Override
    public TransportResponse exchange(TransportRequest request, Attempt attempt, Pipeline.Wire next)
            throws IOException {
        if (!LOG.isDebugEnabled()) {
            return next.exchange(request, attempt);
        }
        request(request, attempt);
        TransportResponse response;
        try {
            response = next.exchange(request, attempt);
        } catch (IOException failed) {
            failure(failed, attempt.nanosOnTheWire(), attempt);
            throw failed;
        }
        response(response.status(), response.headers(), attempt.nanosOnTheWire(), attempt);
        return level == HttpLogLevel.FULL
                ? new TransportResponse(response.status(), response.headers(), new LoggedBody(response.body(), attempt))
                : response;
    }

    private void request(TransportRequest request, Attempt call) {
        line(call, "--> " + request.method() + " " + request.uri());
        if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
            for (TransportRequest.Header header : request.headers()) {
                if (!header.isCredential() && !"user-agent".equalsIgnoreCase(header.name())) {
                    line(call, header.name() + ": " + header.value());
                }
            }
            line(call, "Authorization: Bearer " + SecretRedactor.REDACTED);
        }
        if (level == HttpLogLevel.FULL && request.hasBody()) {
            byte[] body = request.body();
            line(call, "--> body: " + new String(body, 0, Math.min(body.length, maxLineLength), StandardCharsets.UTF_8));
        }
    }

    private void response(int status, Map<String, List<String>> headers, long elapsedNanos, Attempt call) {
        line(call, "<-- " + status + " " + call.operation() + " (" + elapsedNanos / 1_000_000 + " ms)");
        if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
            headers.forEach((name, values) -> values.forEach(value -> line(call, name + ": " + value)));
        }
    }

    private void failure(IOException failure, long elapsedNanos, Attempt call) {
        line(call, "<-- " + failure.getClass().getSimpleName() + " " + call.operation() + " ("
                + elapsedNanos / 1_000_000 + " ms): " + failure.getMessage());
    }

    private void line(Attempt call, String text) {
        AccessToken token = call.token();
        String safe = Printable.escape(SecretRedactor.redact(text, token));
        if (safe.length() > maxLineLength) {
            safe = safe.substring(0, maxLineLength) + "… (" + (safe.length() - maxLineLength) + " more characters)";
        }
        LOG.debug(safe);
    }

    /** A body that keeps the first bytes the client reads and logs them when the client is done with it. */
    private final class LoggedBody extends FilterInputStream {
        private final Attempt call;
        private final ByteArrayOutputStream start = new ByteArrayOutputStream();
        private long read;
        private boolean logged;

        LoggedBody(InputStream body, Attempt call) {
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

    @Override
    public String toString() {
        return "exchange logging (" + level + ")";
    }
}
