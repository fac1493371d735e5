package io.engagive.sdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** A real HTTP server on 127.0.0.1 and a random port that answers with scripted responses and records every request. */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body,
            int remotePort) {
        /** @return every value of the named header (case-insensitive) */
        public List<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .toList();
        }
    }

    /** A response to send. */
    public record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis, boolean drop) {
        /** @return a JSON reply */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
                    0, false);
        }

        /** @return a reply with a body of the given content type */
        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), 0,
                    false);
        }

        /** @return this reply with one more header */
        public Reply withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body, delayMillis, drop);
        }

        /** @return this reply, sent after a delay */
        public Reply delayedBy(long millis) {
            return new Reply(status, headers, body, millis, drop);
        }

        /** @return a reply that closes the connection without answering */
        public static Reply dropConnection() {
            return new Reply(0, Map.of(), new byte[0], 0, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> fallback = request -> Reply.json(404, "{\"success\":false}");

    private LoopbackServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return a started server */
    public static LoopbackServer start() {
        try {
            return new LoopbackServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start loopback server", e);
        }
    }

    /** @return a started HTTPS server presenting the context's certificate, offering only the given protocols */
    public static LoopbackServer startTls(SSLContext context, String... protocols) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters offered = context.getDefaultSSLParameters();
                    if (protocols.length > 0) {
                        offered.setProtocols(protocols);
                    }
                    parameters.setSSLParameters(offered);
                }
            });
            return new LoopbackServer(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start loopback TLS server", e);
        }
    }

    /** @return a loopback base URL on a port nothing listens on (it was free a moment ago) */
    public static String closedPortUrl() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port", e);
        }
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:43210/api/business/public} */
    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort()
                + "/api/business/public";
    }

    /** Queues replies, sent in order, one per request. */
    public LoopbackServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request not covered by the queue. */
    public LoopbackServer otherwise(Function<Received, Reply> answer) {
        this.fallback = answer;
        return this;
    }

    /** @return every request received so far */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets requests and queued replies. */
    public void reset() {
        script.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body,
                    exchange.getRemoteAddress().getPort());
            received.add(request);
            Reply reply = script.poll();
            if (reply == null) {
                reply = fallback.apply(request);
            }
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            if (reply.drop()) {
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean noBody = reply.status() == 204 || reply.status() == 304 || reply.body().length == 0;
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
