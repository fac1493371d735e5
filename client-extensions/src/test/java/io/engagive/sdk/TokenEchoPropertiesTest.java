package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.CapturedLogs;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.RawSocketServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A server or proxy that echoes the token, in whatever encoding (JSON escapes as PHP or .NET write
 * them, percent-encoding, HTML references, base64 of the token or of its header, any mixture),
 * into a body, a header or a status line never gets it into a message, toString, body preview,
 * envelope, log line at any level, or the printed stack trace of the exception and its causes.
 */
class TokenEchoPropertiesTest {

    private static LoopbackServer server;

    @BeforeContainer
    static void start() {
        server = LoopbackServer.start();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** A token and one echo of it, as a server would write it into a JSON string or a header. */
    record Echo(String token, String echoed, String where) {
    }

    @Property(tries = 400)
    void anEchoInABodyOrHeaderNeverReachesWhatTheCallerSees(@ForAll("echoes") Echo echo,
            @ForAll("placements") String placement, @ForAll("levels") HttpLogLevel level) {
        server.reset();
        CapturedLogs.clear();
        server.enqueue(reply(placement, echo.echoed()));

        EngagiveException error = callAndCatch(server.baseUrl(), echo.token(), level);

        assertNothingEchoes(error, echo);
    }

    @Property(tries = 60)
    void anEchoInAStatusLineOrMalformedHeaderNeverReachesTheCause(@ForAll("echoes") Echo echo,
            @ForAll("brokenHeads") String head) {
        CapturedLogs.clear();
        String raw = head.replace("ECHO", echo.echoed());
        try (RawSocketServer broken = RawSocketServer.start(RawSocketServer.replying(raw))) {
            EngagiveException error = callAndCatch(broken.baseUrl(), echo.token(), HttpLogLevel.FULL);

            assertNothingEchoes(error, echo);
        }
    }

    private static EngagiveException callAndCatch(String baseUrl, String token, HttpLogLevel level) {
        EngagiveClient engagive = EngagiveClient.builder().baseUrl(baseUrl).token(token).localTokenChecks(false)
                .readTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none()).logLevel(level).build();
        try {
            engagive.templates().listTemplates("1", "order");
        } catch (EngagiveException expected) {
            return expected;
        }
        throw new AssertionError("every scripted reply is a failure");
    }

    private static void assertNothingEchoes(EngagiveException error, Echo echo) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        List<String> seen = List.of(error.getMessage(), error.toString(), trace.toString(),
                error.context().toString(), error.context().bodyPreview(), String.valueOf(error.envelope()),
                error.requestId().orElse(""), CapturedLogs.text());
        for (String text : seen) {
            assertThat(text).as(echo.where()).doesNotContain(echo.token()).doesNotContain(echo.echoed());
        }
    }

    private static Reply reply(String placement, String echoed) {
        return switch (placement) {
            case "message" -> Reply.json(401, "{\"success\":false,\"message\":\"Invalid token " + echoed + "\"}");
            case "error" -> Reply.json(400, "{\"success\":false,\"error\":\"bad: " + echoed + "\"}");
            case "meta" -> Reply.json(502, "{\"success\":false,\"message\":\"Meta failed\",\"metaResponse\":{\"error\":"
                    + "{\"message\":\"" + echoed + "\",\"error_data\":{\"details\":[\"" + echoed + "\"]}}}}");
            case "success-false" -> Reply.json(200, "{\"success\":false,\"message\":\"" + echoed + "\"}");
            case "html" -> Reply.of(502, "text/html", "<html><body><pre>Authorization: " + echoed + "</pre></body></html>");
            case "request-id" -> Reply.json(503, "{\"success\":false}").withHeader("X-Request-Id", echoed);
            default -> throw new IllegalArgumentException(placement);
        };
    }

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of("message", "error", "meta", "success-false", "html", "request-id");
    }

    @Provide
    Arbitrary<HttpLogLevel> levels() {
        return Arbitraries.of(HttpLogLevel.values());
    }

    @Provide
    Arbitrary<String> brokenHeads() {
        return Arbitraries.of(
                "HTTP/1.1 2x0 ECHO\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 ECHO\r\n\r\n",
                "ECHO\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-Echo ECHO\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: ECHO\r\n\r\n");
    }

    @Provide
    Arbitrary<Echo> echoes() {
        Arbitrary<String> tokens = Arbitraries.oneOf(jwts(), opaqueTokens());
        Arbitrary<String> encodings = Arbitraries.of("raw", "json-slash", "json-unicode", "json-mixed", "percent",
                "percent-lower", "html", "base64", "base64url", "base64-bearer", "base64url-bearer");
        return Combinators.combine(tokens, encodings, Arbitraries.longs()).as((token, encoding, seed) ->
                new Echo(token, encode(token, encoding, new Random(seed)), encoding));
    }

    private static Arbitrary<String> jwts() {
        Arbitrary<String> part = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                + "0123456789-_").ofMinLength(8).ofMaxLength(60);
        return Combinators.combine(part, part).as((payload, signature) -> "eyJhbGciOiJIUzI1NiJ9." + payload
                + "." + signature);
    }

    private static Arbitrary<String> opaqueTokens() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/")
                .ofMinLength(16).ofMaxLength(80)
                .flatMap(body -> Arbitraries.of("", "=", "==").map(padding -> body + padding));
    }

    private static String encode(String token, String encoding, Random random) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return switch (encoding) {
            case "raw" -> token;
            case "json-slash" -> token.replace("/", "\\/");
            case "json-unicode" -> escapeEach(token, c -> String.format("\\u%04X", c));
            case "json-mixed" -> escapeSome(token, random);
            case "percent" -> escapeEach(token, c -> Character.isLetterOrDigit(c) ? String.valueOf((char) c)
                    : String.format("%%%02X", c));
            case "percent-lower" -> escapeEach(token, c -> String.format("%%%02x", c));
            case "html" -> escapeEach(token, c -> "&#" + c + ";");
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            case "base64-bearer" -> Base64.getEncoder().encodeToString(header).replace("/", "\\/");
            case "base64url-bearer" -> Base64.getUrlEncoder().encodeToString(header);
            default -> throw new IllegalArgumentException(encoding);
        };
    }

    private static String escapeEach(String token, java.util.function.IntFunction<String> escape) {
        StringBuilder out = new StringBuilder();
        token.chars().forEach(c -> out.append(escape.apply(c)));
        return out.toString();
    }

    private static String escapeSome(String token, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : token.toCharArray()) {
            int way = random.nextInt(4);
            if (way == 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (way == 1 && c == '/') {
                out.append("\\/");
            } else if (way == 2) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

}
