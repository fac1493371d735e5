package io.engagive.sdk.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 connection to the sandbox written and read byte by byte, to see exactly what is on the wire. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** An answer's head, the body bytes that came before the end of the stream or the declared length, and how. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean ended) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        int declaredLength() {
            return Integer.parseInt(header("Content-Length"));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends a request's head and, after it, {@code body}. */
    RawHttp send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return this;
    }

    /**
     * Reads one answer: the head, then the body up to its declared length or the end of the stream, whichever
     * comes first ({@code ended} says the stream ended before the declared length).
     */
    Answer read() throws IOException {
        String statusLine = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int declared = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean ended = false;
        while (body.size() < declared) {
            int next = in.read();
            if (next < 0) {
                ended = true;
                break;
            }
            body.write(next);
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body.toByteArray(), ended);
    }

    /** Reads until the server closes the connection; returns how many bytes came first. */
    int readToEnd() throws IOException {
        return in.readAllBytes().length;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("the connection ended in the answer's head: \"" + line + "\"");
            }
            if (next != '\r') {
                line.append((char) next);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
