package io.engagive.sdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server on 127.0.0.1 that answers each connection with a scripted byte stream, for what an
 * HTTP server library will not send: malformed status lines and headers, bodies that stall or
 * trickle, connections dropped before any byte. It counts connections and the body bytes written.
 */
public final class RawSocketServer implements AutoCloseable {

    /** What to do with one accepted connection, after its request head has been read. */
    @FunctionalInterface
    public interface Script {
        /** Writes the answer (or not) to one connection. */
        void answer(OutputStream out, RawSocketServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final ExecutorService workers = DaemonThreads.cachedPool("raw-socket-server");
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Script script;

    private RawSocketServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::acceptLoop);
    }

    /** Starts a server that runs the script for every connection. */
    public static RawSocketServer start(Script script) {
        try {
            return new RawSocketServer(script);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start raw socket server", e);
        }
    }

    /** A script that reads the request and answers it with a TCP reset (RST), not a response. */
    public static final Script RESET = (out, server) -> {
        throw new IllegalStateException("RESET is carried out by the server itself");
    };

    /**
     * A script that answers the first request of a connection with a fixed text and keeps the connection open, then
     * reads the next request on it and closes the connection without answering: the race in which a server closes a
     * kept-alive connection just as the client reuses it, after the request reached it.
     */
    public static Script answeringOnceThenDropping(String raw) {
        return new AnswerOnceThenDrop(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    private record AnswerOnceThenDrop(byte[] answer) implements Script {
        @Override
        public void answer(OutputStream out, RawSocketServer server) throws IOException {
            server.write(out, answer);
        }
    }

    /** A script that writes a fixed text (CRLFs included) and closes. */
    public static Script replying(String raw) {
        return (out, server) -> server.write(out, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The base URL of the API on this server. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api/business/public";
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The request line of every request read so far, e.g. {@code POST /api/... HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Bytes written by scripts through {@link #write}. */
    public long written() {
        return written.get();
    }

    /** Writes and counts bytes, flushing them at once. */
    public void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        written.addAndGet(bytes.length);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                workers.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            requestLines.add(readHead(client.getInputStream()));
            if (script == RESET) {
                client.setSoLinger(true, 0);
                return;
            }
            script.answer(client.getOutputStream(), this);
            if (script instanceof AnswerOnceThenDrop) {
                requestLines.add(readHead(client.getInputStream()));
            }
        } catch (SocketException peerGone) {
            // the client closed the connection: what several scripts test for
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one request's head and its body (by {@code Content-Length}); returns the request line. */
    private static String readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        StringBuilder head = new StringBuilder();
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString().split("\r\n");
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                in.readNBytes(Integer.parseInt(line.substring(colon + 1).trim()));
            }
        }
        return lines.length == 0 ? "" : lines[0];
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket does not fail in a way a test can act on
        }
        workers.shutdownNow();
    }
}
