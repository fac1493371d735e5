package io.engagive.sdk.kit;

import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.TemplateContentsApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.EngagiveClientBuilder;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.CountingProxy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Received;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.RawSocketServer;
import io.engagive.sdk.testing.TestCertificates;
import io.engagive.sdk.testing.TestTokens;
import io.engagive.sdk.transport.HttpTransport;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Protocol;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promises every transport keeps, written once and run against each one (the JDK's, OkHttp's, Apache's), over
 * real sockets on loopback: every wait bounded, bad bodies typed, the token never leaking, a send on the wire at most
 * once however the connection fails, proxies and private CAs, connection reuse and arguments sent as written. A
 * transport that fails the kit is fixed; nothing here is skipped per transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TransportCompatibilityKit {

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    private static final String TEMPLATES_OK = "{\"success\":true,\"message\":\"ok\",\"data\":[{\"id\":1,"
            + "\"code\":\"order_shipped\",\"name\":\"Order shipped\"}]}";
    private static final String SENT_OK = "{\"success\":true,\"message\":\"sent\",\"data\":{}}";

    private final String token = TestTokens.valid();
    private TestCertificates certificates;
    private LoopbackServer tlsServer;

    /**
     * Makes the transport under test.
     *
     * @param network the settings to make it with
     * @return a new transport
     */
    protected abstract HttpTransport transport(KitNetwork network);

    @BeforeAll
    void startTlsServer(@TempDir Path directory) {
        certificates = TestCertificates.create(directory);
        tlsServer = LoopbackServer.startTls(certificates.serverContext());
        tlsServer.otherwise(request -> Reply.json(200, TEMPLATES_OK));
    }

    @AfterAll
    void stopTlsServer() {
        tlsServer.close();
    }

    /**
     * Tells whether the kit's calls go through the asynchronous view ({@code engagive.async()}), each joined as it
     * completes; a subclass that says so runs every promise of the kit through the async path of its transport.
     *
     * @return false for the blocking client
     */
    protected boolean viaAsync() {
        return false;
    }

    private TemplatesApi templates(EngagiveClient engagive) {
        return viaAsync() ? joining(TemplatesApi.class, engagive.async().templates()) : engagive.templates();
    }

    private MessagesApi messages(EngagiveClient engagive) {
        return viaAsync() ? joining(MessagesApi.class, engagive.async().messages()) : engagive.messages();
    }

    private TemplateContentsApi templateContents(EngagiveClient engagive) {
        return viaAsync() ? joining(TemplateContentsApi.class, engagive.async().templateContents())
                : engagive.templateContents();
    }

    /**
     * The blocking API over its asynchronous counterpart: each call starts the async one and joins it, throwing the
     * typed failure the future failed with, so every assertion of the kit holds the async path to the same promise.
     */
    private static <T> T joining(Class<T> api, Object async) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(async, args);
            }
            Method counterpart = async.getClass().getMethod(method.getName(), method.getParameterTypes());
            CompletableFuture<?> call;
            try {
                call = (CompletableFuture<?>) counterpart.invoke(async, args);
            } catch (InvocationTargetException refused) {
                throw refused.getCause();
            }
            try {
                return call.join();
            } catch (CompletionException failed) {
                throw failed.getCause();
            }
        }));
    }

    private EngagiveClientBuilder client(String baseUrl, KitNetwork network) {
        return EngagiveClient.builder().baseUrl(baseUrl).transport(transport(network)).token(token)
                .readTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none());
    }

    private EngagiveClientBuilder client(String baseUrl) {
        return client(baseUrl, KitNetwork.direct());
    }

    @Test
    void aBodyThatStopsFlowingFailsAtTheReadTimeout() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> {
            raw.write(out, (CHUNKED_HEAD + "1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(60_000);
        })) {
            EngagiveClient engagive = client(server.baseUrl()).readTimeout(Duration.ofMillis(300)).build();

            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> templates(engagive).listTemplates("1", null))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aBodyThatTricklesFailsAtTheDeadline() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> {
            raw.write(out, (CHUNKED_HEAD + "1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 600; i++) {
                Thread.sleep(50);
                raw.write(out, "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
            }
        })) {
            EngagiveClient engagive = client(server.baseUrl()).readTimeout(Duration.ofSeconds(2))
                    .retryPolicy(RetryPolicy.builder().deadline(Duration.ofSeconds(1)).build()).build();

            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> templates(engagive).listTemplates("1", null))
                    .withMessageContaining("deadline");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void anEndlessBodyIsReadOnlyToTheLimitAndIsATypedError() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> {
            raw.write(out, (CHUNKED_HEAD + "1\r\n[\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("4000\r\n" + "1,".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (raw.written() < 64L * 1024 * 1024) {
                raw.write(out, chunk);
            }
        })) {
            EngagiveClient engagive = client(server.baseUrl()).maxResponseBytes(64 * 1024).build();

            assertThatExceptionOfType(UnexpectedResponseException.class)
                    .isThrownBy(() -> templates(engagive).listTemplates("1", null))
                    .withMessageContaining("larger than the configured limit");
            assertThat(server.written()).isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void aContentLengthThatLiesIsATypedErrorNotAPartialModel() {
        try (RawSocketServer server = RawSocketServer.start(RawSocketServer.replying("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\nContent-Length: 8388608\r\n\r\n{\"success\":true,\"data\":["))) {
            assertThatExceptionOfType(EngagiveException.class)
                    .isThrownBy(() -> templates(client(server.baseUrl()).build()).listTemplates("1", null))
                    .satisfies(error -> assertThat(error).isInstanceOfAny(ConnectionException.class,
                            UnexpectedResponseException.class));
        }
    }

    @Test
    void theTokenEchoedBackInAnyEncodingNeverLeavesInAnException() {
        String base64 = Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        String urlEncoded = URLEncoder.encode("Bearer " + token, StandardCharsets.UTF_8);
        try (RawSocketServer server = RawSocketServer.start(RawSocketServer.replying("HTTP/1.1 401 Unauthorized\r\n"
                + "Content-Type: application/json\r\nX-Request-Id: " + token + "\r\nWWW-Authenticate: Bearer " + token
                + "\r\nConnection: close\r\n\r\n{\"success\":false,\"message\":\"Bearer " + token + " is not valid ("
                + base64 + ", " + urlEncoded + ", \\u0042earer " + token.replace(".", "\\u002e") + ")\"}"))) {
            AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
                    () -> templates(client(server.baseUrl()).build()).listTemplates("1", null));

            String everything = refused + " " + refused.requestId() + " " + refused.context() + " " + refused.envelope();
            assertThat(everything).doesNotContain(token).doesNotContain(base64).doesNotContain(urlEncoded)
                    .doesNotContain(token.substring(0, token.indexOf('.')));
        }
    }

    @Test
    void aDroppedGetReachesTheWireAtMostMaxAttemptsPlusTheTransportsOwnResend() {
        int maxAttempts = 3;
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> { })) {
            HttpTransport transport = transport(KitNetwork.direct());
            EngagiveClient engagive = EngagiveClient.builder().baseUrl(server.baseUrl()).transport(transport)
                    .token(token).retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts)
                            .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build()).build();

            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> templates(engagive).listTemplates("1", null));
            assertThat(server.connections()).isBetween(transport.resendsIdempotentRequests() ? maxAttempts - 1
                    : maxAttempts, maxAttempts + (transport.resendsIdempotentRequests() ? 1 : 0));
        }
    }

    @Test
    void aSendWhoseConnectionDropsReachesTheWireOnce() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> { })) {
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> messages(client(server.baseUrl()).retryPolicy(RetryPolicy.defaults()).build())
                            .sendReaction("1", reaction()))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue());
            assertThat(server.requestLines()).singleElement().asString().startsWith("POST ");
        }
    }

    @Test
    void aSendAnsweredWithAConnectionResetReachesTheWireOnce() {
        try (RawSocketServer server = RawSocketServer.start(RawSocketServer.RESET)) {
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> messages(client(server.baseUrl()).retryPolicy(RetryPolicy.defaults()).build())
                            .sendReaction("1", reaction()))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue());
            assertThat(server.requestLines()).singleElement().asString().startsWith("POST ");
        }
    }

    @Test
    void aSendOnAPooledConnectionTheServerClosedIsOnTheWireAtMostOnce() {
        try (RawSocketServer server = RawSocketServer.start(RawSocketServer.replying("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + SENT_OK.length() + "\r\n\r\n" + SENT_OK))) {
            EngagiveClient engagive = client(server.baseUrl()).retryPolicy(RetryPolicy.defaults()).build();
            messages(engagive).sendReaction("1", reaction());

            try {
                messages(engagive).sendReaction("1", reaction());
            } catch (ConnectionException stale) {
                assertThat(stale.requestMayHaveReachedServer()).isTrue();
            }

            assertThat(server.requestLines()).hasSizeBetween(1, 2).allSatisfy(line -> assertThat(line).startsWith("POST "));
        }
    }

    @Test
    void aSendOnAKeptAliveConnectionThatTheServerDropsAfterReadingItReachesTheWireOnce() {
        try (RawSocketServer server = RawSocketServer.start(RawSocketServer.answeringOnceThenDropping(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + SENT_OK.length() + "\r\n\r\n"
                        + SENT_OK))) {
            EngagiveClient engagive = client(server.baseUrl()).retryPolicy(RetryPolicy.defaults()).build();
            messages(engagive).sendReaction("1", reaction());

            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> messages(engagive).sendReaction("1", reaction()))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue());

            assertThat(server.requestLines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("POST "));
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void sixteenThreadsWhoseSendsAllDropReachTheWireOnceEach() throws Exception {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> { })) {
            EngagiveClient engagive = client(server.baseUrl()).retryPolicy(RetryPolicy.defaults()).build();
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try {
                List<Future<Boolean>> sends = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    Callable<Boolean> send = () -> {
                        try {
                            messages(engagive).sendReaction("1", reaction());
                            return false;
                        } catch (ConnectionException dropped) {
                            return dropped.requestMayHaveReachedServer();
                        }
                    };
                    sends.add(threads.submit(send));
                }
                for (Future<Boolean> send : sends) {
                    assertThat(send.get()).isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(server.requestLines()).hasSize(16);
        }
    }

    @Test
    void httpsGoesThroughAProxyTunnelWithCredentialsAndTheProxySeesNeitherTheTokenNorTheRequest() {
        try (CountingProxy proxy = CountingProxy.requiringCredentials("proxy-user", "proxy-secret")) {
            EngagiveClient engagive = client(tlsServer.baseUrl().replace("http://", "https://"),
                    KitNetwork.direct().trusting(certificates.trustManagerForTheCa())
                            .through(proxy.address(), "proxy-user", "proxy-secret")).build();

            assertThat(templates(engagive).listTemplates("1", null).getData()).hasSize(1);

            assertThat(proxy.challenges()).as("a 407, unless the credentials were offered first").isLessThanOrEqualTo(1);
            assertThat(proxy.requestHeads()).allSatisfy(head -> assertThat(head).startsWith("CONNECT 127.0.0.1:")
                    .doesNotContain(token));
            assertThat(proxy.tunnelledText()).isNotEmpty().doesNotContain(token).doesNotContain("/templates");
        }
    }

    @Test
    void aServerSignedByAPrivateCaIsTrustedOnlyThroughTheGivenTrust() {
        String url = tlsServer.baseUrl().replace("http://", "https://");
        int before = tlsServer.received().size();

        assertThatExceptionOfType(ConnectionException.class)
                .isThrownBy(() -> templates(client(url).build()).listTemplates("1", null))
                .satisfies(failure -> assertThat(failure.requestMayHaveReachedServer()).isFalse());
        assertThat(tlsServer.received()).hasSize(before);

        EngagiveClient trusting = client(url, KitNetwork.direct().trusting(certificates.trustManagerForTheCa()))
                .build();
        assertThat(templates(trusting).listTemplates("1", null).getData()).hasSize(1);
    }

    @Test
    void aConnectionIsReusedAfterSuccessesAndAfter401s() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> request.path().contains("/accounts/401/")
                    ? Reply.json(401, "{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\"}")
                    : Reply.json(200, TEMPLATES_OK));
            EngagiveClient engagive = client(server.baseUrl()).build();

            for (int i = 0; i < 10; i++) {
                templates(engagive).listTemplates("1", null);
                assertThatExceptionOfType(AuthenticationException.class)
                        .isThrownBy(() -> templates(engagive).listTemplates("401", null));
            }

            assertThat(server.received()).hasSize(20).extracting(Received::remotePort)
                    .containsOnly(server.received().get(0).remotePort());
        }
    }

    /**
     * Tells whether the transport speaks HTTP/2 (negotiated over TLS with ALPN); the kit's HTTP/2 test runs only then.
     *
     * @return false unless the transport's library speaks HTTP/2
     */
    protected boolean speaksHttp2() {
        return false;
    }

    @Test
    void overHttp2CallsShareOneConnectionAndAStalledBodyStillEndsAtTheReadTimeout() throws Exception {
        assumeTrue(speaksHttp2(), "this transport's library speaks HTTP/1.1 only");
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(certificates.serverContext().getSocketFactory());
            server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            for (int i = 0; i < 5; i++) {
                server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(TEMPLATES_OK)
                        .build());
            }
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(TEMPLATES_OK)
                    .throttleBody(8, 10, TimeUnit.SECONDS).build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            String base = server.url("/api/business/public").toString();
            EngagiveClient engagive = client(base, KitNetwork.direct().trusting(certificates.trustManagerForTheCa()))
                    .readTimeout(Duration.ofMillis(500)).build();

            for (int i = 0; i < 5; i++) {
                assertThat(templates(engagive).listTemplates("1", "50%25 off").getData()).hasSize(1);
            }
            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> templates(engagive).listTemplates("1", null));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            List<RecordedRequest> received = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                received.add(server.takeRequest(1, TimeUnit.SECONDS));
            }
            assertThat(received).allSatisfy(request -> assertThat(request.getVersion()).isEqualToIgnoringCase("HTTP/2"));
            assertThat(received).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
            assertThat(received.get(0).getUrl().encodedQuery()).isEqualTo("search=50%2525%20off");
            assertThat(received).allSatisfy(request -> assertThat(request.getHeaders().values("Authorization"))
                    .containsExactly("Bearer " + token));
        }
    }

    @Test
    void overHttp2ToTheSandboxOverTlsCallsWorkAndBrokenStreamsEndTypedWithNoSendRepeated() {
        assumeTrue(speaksHttp2(), "this transport's library speaks HTTP/1.1 only");
        try (EngagiveSandbox sandbox = EngagiveSandbox.builder()
                .tls(certificates.serverKeyStore(), certificates.serverKeyStorePassword()).start()) {
            EngagiveClient engagive = client(sandbox.baseUrl(), KitNetwork.direct()
                    .trusting(certificates.trustManagerForTheCa())).token(sandbox.defaultUser().token())
                    .readTimeout(Duration.ofSeconds(1)).retryPolicy(RetryPolicy.defaults()).build();
            SendTemplateRequest hello = new SendTemplateRequest().to("923001234567")
                    .contentJson(new TemplateContentJson().templateName("hello_world").langCode("en_US"));

            assertThat(templates(engagive).listTemplates("1", null).getData()).isNotEmpty();
            assertThat(messages(engagive).sendTemplate("1", hello).getSuccess()).isTrue();
            sandbox.inject(Route.SEND_TEMPLATE, Fault.answerLost(), 1);
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> messages(engagive).sendTemplate("1", hello))
                    .satisfies(lost -> assertThat(lost.requestMayHaveReachedServer()).isTrue());
            EngagiveClient once = engagive.withOptions(options -> options.retryPolicy(RetryPolicy.none()));
            sandbox.inject(Route.LIST_TEMPLATES, Fault.truncatedBody(), 1);
            sandbox.inject(Route.LIST_TEMPLATES, Fault.stalledBody(Duration.ofSeconds(10)), 1);
            assertThatExceptionOfType(EngagiveException.class).isThrownBy(() -> templates(once)
                    .listTemplates("1", null)).isInstanceOfAny(ConnectionException.class,
                            UnexpectedResponseException.class);
            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> templates(once).listTemplates("1", null));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

            assertThat(sandbox.journal()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.protocol()).isEqualTo("HTTP/2.0"));
            assertThat(sandbox.sentMessages()).as("each send recorded once, the lost answer's not sent again")
                    .hasSize(2);
        }
    }

    @Test
    void pathAndQueryArgumentsArriveExactlyAsWritten() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> Reply.json(200, TEMPLATES_OK));
            String search = "50%25 off & more+ünïcode=?#/ 👍";

            templateContents(client(server.baseUrl()).build()).listTemplateContents("1", "a b%2F", search);

            Received received = server.received().get(0);
            assertThat(URLDecoder.decode(received.query().substring("search=".length()), StandardCharsets.UTF_8))
                    .isEqualTo(search);
            assertThat(received.path()).endsWith("/templates/a%20b%252F/contents");
        }
    }

    private static SendReactionRequest reaction() {
        return new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.X").emoji("👍");
    }
}
