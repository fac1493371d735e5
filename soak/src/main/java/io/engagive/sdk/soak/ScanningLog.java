package io.engagive.sdk.soak;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the client's log goes during a soak (slf4j-simple writes to {@code System.err}): every line is scanned for
 * the token and counted, then dropped.
 */
final class ScanningLog extends OutputStream {

    private final LeakScanner scanner;
    private final AtomicLong lines = new AtomicLong();
    private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    private ScanningLog(LeakScanner scanner) {
        this.scanner = scanner;
    }

    /** Sends {@code System.err} through a scanner; returns the stream to count lines by. */
    static ScanningLog install(LeakScanner scanner) {
        ScanningLog log = new ScanningLog(scanner);
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        return log;
    }

    @Override
    public void write(int b) {
        ByteArrayOutputStream buffer = line.get();
        if (b == '\n') {
            lines.incrementAndGet();
            scanner.scan("log", buffer.toString(StandardCharsets.UTF_8));
            buffer.reset();
        } else {
            buffer.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    long lines() {
        return lines.get();
    }
}
