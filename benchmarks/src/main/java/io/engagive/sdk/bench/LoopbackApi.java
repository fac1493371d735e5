package io.engagive.sdk.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal in-process Engagive stand-in on loopback: account 1's template list (a realistic
 * 25-template envelope of about 6 KB) for any token, a 401 envelope for account 401, and for
 * account {@code nCOUNT} (e.g. {@code n50000}) a list of COUNT templates, made once and kept.
 */
public final class LoopbackApi implements AutoCloseable {

    /** The bearer token every benchmark client sends (a JWT that expires in 2033). */
    public static final String TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiZW5jaCIsImV4cCI6MjAwMDAwMDAwMH0"
            + ".c2lnbmF0dXJlLW9mLWEtYmVuY2htYXJrLXRva2Vu";
    /** The path of the success response, below the base URL. */
    public static final String TEMPLATES_PATH = "/channels/whatsapp/accounts/1/templates";
    /** The path of the 401 response, below the base URL. */
    public static final String UNAUTHORIZED_PATH = "/channels/whatsapp/accounts/401/templates";

    /** The largest list {@link #sizedAccount(int)} serves. */
    public static final int MAX_SIZED_COUNT = 100_000;

    static final byte[] TEMPLATES_BODY = templates(25).getBytes(StandardCharsets.UTF_8);
    static final byte[] UNAUTHORIZED_BODY = ("{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\","
            + "\"error\":\"Invalid or expired token\"}").getBytes(StandardCharsets.UTF_8);

    private static final Pattern SIZED = Pattern.compile("/accounts/n([0-9]{1,6})/");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<Integer, byte[]> sizedBodies = new ConcurrentHashMap<>();

    private LoopbackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                boolean unauthorized = path.contains("/accounts/401/");
                byte[] body = unauthorized ? UNAUTHORIZED_BODY : bodyFor(path);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(unauthorized ? 401 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Returns the account id whose template list has the given number of templates.
     *
     * @param count how many templates, at most {@link #MAX_SIZED_COUNT}
     * @return the account id
     */
    public static String sizedAccount(int count) {
        if (count < 0 || count > MAX_SIZED_COUNT) {
            throw new IllegalArgumentException("count must be 0.." + MAX_SIZED_COUNT);
        }
        return "n" + count;
    }

    /**
     * Returns the size in bytes of the template list of the given length.
     *
     * @param count how many templates
     * @return the body's size
     */
    public static int bodySize(int count) {
        return templates(count).getBytes(StandardCharsets.UTF_8).length;
    }

    private byte[] bodyFor(String path) {
        Matcher sized = SIZED.matcher(path);
        if (!sized.find()) {
            return TEMPLATES_BODY;
        }
        int count = Integer.parseInt(sized.group(1));
        return count > MAX_SIZED_COUNT ? TEMPLATES_BODY
                : sizedBodies.computeIfAbsent(count, n -> templates(n).getBytes(StandardCharsets.UTF_8));
    }

    /** @return a started server */
    public static LoopbackApi start() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            return new LoopbackApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:40000/api/business/public} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/business/public";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String templates(int count) {
        StringBuilder json = new StringBuilder("{\"success\":true,\"message\":\"Templates retrieved\",\"data\":[");
        String[] categories = {"UTILITY", "MARKETING", "AUTHENTICATION"};
        String[] statuses = {"approved", "pending", "rejected", "paused"};
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":").append(100 + i)
                    .append(",\"code\":\"template_").append(i).append("_order_update\"")
                    .append(",\"name\":\"Order update number ").append(i).append("\"")
                    .append(",\"category_code\":\"").append(categories[i % 3]).append('"')
                    .append(",\"option_code\":\"STANDARD\"")
                    .append(",\"parameter_format_code\":\"").append(i % 2 == 0 ? "POSITIONAL" : "NAMED").append('"')
                    .append(",\"status\":\"").append(statuses[i % 4]).append("\"}");
        }
        return json.append("],\"pagination\":{\"page\":1,\"per_page\":").append(count).append(",\"total\":")
                .append(count).append("}}").toString();
    }

    /**
     * Runs the server on its own until the process is stopped, printing its base URL.
     *
     * @param args ignored
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        LoopbackApi api = start();
        System.out.println(api.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
