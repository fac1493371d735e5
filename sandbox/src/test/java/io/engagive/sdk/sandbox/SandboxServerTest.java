package io.engagive.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the sandbox's server puts on the wire, read byte by byte over loopback: keep-alive, limits, faults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxServerTest {

    private static final String SEND = EngagiveSandbox.BASE_PATH + "/channels/whatsapp/accounts/1/messages/send-template";
    private static final String LIST = EngagiveSandbox.BASE_PATH + "/channels/whatsapp/accounts/1/templates";
    private static final byte[] SEND_BODY = ("{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"hello_world\","
            + "\"lang_code\":\"en_US\"}}").getBytes(StandardCharsets.UTF_8);

    private final EngagiveSandbox sandbox = EngagiveSandbox.start();
    private final int port = URI.create(sandbox.baseUrl()).getPort();
    private final String token = sandbox.defaultUser().token();

    @AfterEach
    void healthyAndReset() {
        try {
            sandbox.assertHealthy();
        } finally {
            sandbox.reset();
        }
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private Map<String, String> json(int length) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                "Content-Length", Integer.toString(length));
    }

    private Map<String, String> get() {
        return Map.of("Authorization", "Bearer " + token);
    }

    @Test
    void everyHttp11AnswerAnnouncesHowLongAnIdleConnectionIsKeptAndTheConnectionCarriesTheNextRequest()
            throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer first = connection.send("GET", LIST, get(), new byte[0]).read();
            RawHttp.Answer second = connection.send("GET", LIST, get(), new byte[0]).read();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Keep-Alive")).isEqualTo("timeout=59");
            assertThat(second.status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheLimitIsAnswered413AndTheConnectionStaysUsableOnceTheBodyIsRead() throws IOException {
        byte[] tooLarge = new byte[EngagiveSandbox.MAX_REQUEST_BODY_BYTES + 100_000];
        Arrays.fill(tooLarge, (byte) ' ');
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer refused = connection.send("POST", SEND, json(tooLarge.length), tooLarge).read();
            RawHttp.Answer next = connection.send("GET", LIST, get(), new byte[0]).read();

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.text()).contains("\"success\":false");
            assertThat(next.status()).isEqualTo(200);
        }
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void aBodyDeclaredFarOverTheLimitIsAnswered413WithConnectionCloseAndTheConnectionIsClosed() throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer refused = connection.send("POST", SEND, json(64 * 1024 * 1024), new byte[64 * 1024]).read();

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(connection.readToEnd()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "text/json"})
    void aBodyThatIsNotJsonIsRefusedWith415AndNothingIsSent(String contentType) throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer refused = connection.send("POST", SEND, Map.of("Authorization", "Bearer " + token,
                    "Content-Type", contentType, "Content-Length", Integer.toString(SEND_BODY.length)), SEND_BODY).read();

            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.text()).contains("\"success\":false").contains(contentType);
        }
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void jsonWithACharsetIsAccepted() throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer sent = connection.send("POST", SEND, Map.of("Authorization", "Bearer " + token,
                    "Content-Type", "application/json; charset=utf-8", "Content-Length",
                    Integer.toString(SEND_BODY.length)), SEND_BODY).read();

            assertThat(sent.status()).isEqualTo(200);
        }
        assertThat(sandbox.sentMessages()).hasSize(1);
    }

    @Test
    void anUndeclaredQueryParameterIsNoViolation() throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            assertThat(connection.send("GET", LIST + "?utm_source=x", get(), new byte[0]).read().status()).isEqualTo(200);
        }
        assertThat(sandbox.specViolations()).isEmpty();
    }

    @Test
    void http2IsSpokenInCleartext() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/channels/whatsapp/accounts/1/templates"))
                .header("Authorization", "Bearer " + token).build();

        http2.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = http2.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Keep-Alive")).isEmpty();
    }

    @Test
    void aResetConnectionIsResetOnceTheRequestWasReadAndNothingIsSent() throws IOException {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.resetConnection());
        try (RawHttp connection = new RawHttp(port)) {
            connection.send("POST", SEND, json(SEND_BODY.length), SEND_BODY);

            assertThatThrownBy(connection::readToEnd).isInstanceOf(IOException.class).hasMessageContaining("reset");
        }
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void aLostAnswerClosesTheConnectionAfterTheMessageWasSent() throws IOException {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.answerLost());
        try (RawHttp connection = new RawHttp(port)) {
            assertThat(connection.send("POST", SEND, json(SEND_BODY.length), SEND_BODY).readToEnd()).isZero();
        }
        assertThat(sandbox.sentMessages()).hasSize(1);
    }

    @Test
    void aTruncatedBodyDeclaresItsWholeLengthAndEndsHalfway() throws IOException {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.truncatedBody());
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer cut = connection.send("GET", LIST, get(), new byte[0]).read();

            assertThat(cut.ended()).isTrue();
            assertThat(cut.body().length).isEqualTo(cut.declaredLength() / 2);
        }
    }

    @Test
    void aLyingContentLengthDeclaresHalfOfWhatIsSent() throws IOException {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.lyingContentLength());
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer lying = connection.send("GET", LIST, get(), new byte[0]).read();
            int rest = connection.readToEnd();

            assertThat(lying.ended()).isFalse();
            assertThat(lying.body().length + rest).isBetween(2 * lying.declaredLength(), 2 * lying.declaredLength() + 1);
        }
    }

    @Test
    void aDrippingBodyArrivesWholeButSlowly() throws IOException {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.drippingBody(Duration.ofMillis(30)));
        try (RawHttp connection = new RawHttp(port)) {
            long start = System.nanoTime();
            RawHttp.Answer dripped = connection.send("GET", LIST, get(), new byte[0]).read();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(9 * 30));
            assertThat(dripped.ended()).isFalse();
            assertThat(dripped.text()).startsWith("{\"success\":true").endsWith("}");
        }
    }

    @Test
    void aStalledBodyStopsHalfwayAndThenEnds() throws IOException {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.stalledBody(Duration.ofMillis(300)));
        try (RawHttp connection = new RawHttp(port)) {
            long start = System.nanoTime();
            RawHttp.Answer stalled = connection.send("GET", LIST, get(), new byte[0]).read();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(stalled.ended()).isFalse();
        }
    }

    @Test
    void anEchoedTokenComesBackInHeadersAsSentInBase64AndPercentEncoded() throws IOException {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.tokenEchoedInHeaders());
        try (RawHttp connection = new RawHttp(port)) {
            RawHttp.Answer echoed = connection.send("GET", LIST, get(), new byte[0]).read();

            assertThat(echoed.status()).isEqualTo(200);
            assertThat(echoed.header("X-Echo-Authorization")).isEqualTo("Bearer " + token);
            assertThat(echoed.header("X-Echo-Token-Base64"))
                    .isEqualTo(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
            assertThat(echoed.header("WWW-Authenticate")).contains(token);
        }
    }
}
