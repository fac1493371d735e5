package io.engagive.sdk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1: tunnels {@code CONNECT} requests and forwards absolute-form HTTP
 * requests, optionally demanding Basic credentials with a 407 first. It counts tunnels, forwarded
 * requests and challenges, and keeps every byte that went through a tunnel so a test can check
 * what a proxy could have read.
 */
public final class CountingProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final String expectedCredentials;
    private final ExecutorService workers = DaemonThreads.cachedPool("counting-proxy");
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream tunnelled = new ByteArrayOutputStream();

    private CountingProxy(String user, String password) throws IOException {
        this.expectedCredentials = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::acceptLoop);
    }

    /** Starts a proxy that lets everyone through. */
    public static CountingProxy open() {
        return start(null, null);
    }

    /** Starts a proxy that answers 407 until a request carries these Basic credentials. */
    public static CountingProxy requiringCredentials(String user, String password) {
        return start(user, password);
    }

    private static CountingProxy start(String user, String password) {
        try {
            return new CountingProxy(user, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    /** The proxy's address, for {@code ProxySelector.of(...)}. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** How many tunnels were opened with {@code CONNECT}. */
    public int connects() {
        return connects.get();
    }

    /** How many plain HTTP requests were forwarded. */
    public int forwarded() {
        return forwarded.get();
    }

    /** How many 407 challenges were sent. */
    public int challenges() {
        return challenges.get();
    }

    /** Every request head the proxy read (request line and headers), in order. */
    public List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    /** Every byte the client sent through a tunnel, as ISO-8859-1 text. */
    public String tunnelledText() {
        synchronized (tunnelled) {
            return tunnelled.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket that is already closed
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                requestHeads.add(String.join("\n", head));
                byte[] body = in.readNBytes(contentLength(head));
                if (expectedCredentials != null && !expectedCredentials.equals(header(head, "Proxy-Authorization"))) {
                    challenges.incrementAndGet();
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\""
                            + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                String[] requestLine = head.get(0).split(" ");
                if (requestLine[0].equals("CONNECT")) {
                    connects.incrementAndGet();
                    tunnel(requestLine[1], client, in, out);
                } else {
                    forwarded.incrementAndGet();
                    forward(requestLine, head, body, out);
                }
                return;
            }
        } catch (IOException dropped) {
            // the client or the target went away; the test sees what the client saw
        }
    }

    private void tunnel(String authority, Socket client, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            workers.execute(() -> copy(target, client));
            copyTunnelled(in, target);
        }
    }

    private void copyTunnelled(InputStream in, Socket target) {
        byte[] buffer = new byte[8192];
        try {
            OutputStream toTarget = target.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (tunnelled) {
                    tunnelled.write(buffer, 0, read);
                }
                toTarget.write(buffer, 0, read);
                toTarget.flush();
            }
        } catch (IOException closed) {
            // one side closed the tunnel
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // one side closed the tunnel
        }
    }

    private static void forward(String[] requestLine, List<String> head, byte[] body, OutputStream out)
            throws IOException {
        URI target = URI.create(requestLine[1]);
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            StringBuilder request = new StringBuilder(requestLine[0]).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(' ')
                    .append(requestLine[2]).append("\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream toTarget = upstream.getOutputStream();
            toTarget.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            toTarget.write(body);
            toTarget.flush();
            InputStream fromTarget = upstream.getInputStream();
            List<String> responseHead = readHead(fromTarget);
            StringBuilder response = new StringBuilder();
            for (String line : responseHead) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    response.append(line).append("\r\n");
                }
            }
            response.append("Connection: close\r\n\r\n");
            out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            fromTarget.transferTo(out);
            out.flush();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int next = in.read(); next >= 0; next = in.read()) {
            if (next == '\n') {
                String text = line.toString().stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.setLength(0);
            } else {
                line.append((char) next);
            }
        }
        return List.of();
    }

    private static int contentLength(List<String> head) {
        String value = header(head, "Content-Length");
        return value == null ? 0 : Integer.parseInt(value.strip());
    }

    private static String header(List<String> head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return head.stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst()
                .orElse(null);
    }
}
