package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.ApiErrorException;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.CountingProxy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestCertificates;
import io.engagive.sdk.testing.TestTokens;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies, proxy credentials, a private CA, TLS parameters, an executor and a caller's own
 * java.net.http client, each over real loopback connections: a counting proxy and a TLS server
 * whose certificate a private CA signed.
 */
class NetworkConfigurationTest {

    private static TestCertificates certificates;
    private static LoopbackServer tlsServer;

    private final String token = TestTokens.valid();

    @BeforeAll
    static void startTlsServer(@TempDir Path directory) {
        certificates = TestCertificates.create(directory);
        tlsServer = LoopbackServer.startTls(certificates.serverContext());
        tlsServer.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
    }

    @AfterAll
    static void stopTlsServer() {
        tlsServer.close();
    }

    @Test
    void plainHttpCallsGoThroughTheProxyWhichGetsItsCredentialsAfterA407() {
        List<Authenticator.RequestorType> asked = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start();
                CountingProxy proxy = CountingProxy.requiringCredentials("proxy-user", "proxy-secret")) {
            server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
            EngagiveClient engagive = Fixtures.clientFor(server, token)
                    .proxy(ProxySelector.of(proxy.address()))
                    .proxyAuthenticator(credentials("proxy-user", "proxy-secret", asked))
                    .build();

            assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(1);

            assertThat(proxy.challenges()).isEqualTo(1);
            assertThat(proxy.forwarded()).isEqualTo(1);
            assertThat(asked).containsExactly(Authenticator.RequestorType.PROXY);
            assertThat(server.received()).singleElement()
                    .satisfies(request -> assertThat(request.header("Proxy-Authorization")).isEmpty());
        }
    }

    @Test
    void aProxyThatStillDemandsCredentialsIsATypedErrorThatNamesTheFix() {
        try (LoopbackServer server = LoopbackServer.start();
                CountingProxy proxy = CountingProxy.requiringCredentials("proxy-user", "proxy-secret")) {
            EngagiveClient engagive = Fixtures.clientFor(server, token).proxy(ProxySelector.of(proxy.address())).build();

            assertThatExceptionOfType(ApiErrorException.class)
                    .isThrownBy(() -> engagive.messages().sendTemplate("1", new SendTemplateRequest()
                            .to("923001234567").contentJson(new TemplateContentJson().templateName("hello_world"))))
                    .withMessageContaining("407")
                    .withMessageContaining("proxyAuthenticator")
                    .satisfies(failure -> assertThat(failure.isTransient()).isFalse());
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void anApiServers401StaysAnAuthenticationFailureWhenAProxyAuthenticatorIsSet() {
        List<Authenticator.RequestorType> asked = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> Reply.json(401, "{\"success\":false,\"message\":\"Invalid token\"}"));
            EngagiveClient engagive = Fixtures.clientFor(server, token)
                    .proxyAuthenticator(credentials("proxy-user", "proxy-secret", asked))
                    .build();

            assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", null))
                    .withMessageContaining("Invalid token");
            assertThat(asked).isEmpty();
            assertThat(server.received()).allSatisfy(request -> assertThat(request.header("Authorization"))
                    .containsExactly("Bearer " + token));
        }
    }

    @Test
    void proxyCredentialsAreNeverOfferedToAnApiServerThatAsksForThem() {
        List<Authenticator.RequestorType> asked = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> Reply.json(401, "{\"success\":false,\"message\":\"Invalid token\"}")
                    .withHeader("WWW-Authenticate", "Basic realm=\"api\""));
            EngagiveClient engagive = Fixtures.clientFor(server, token)
                    .retryPolicy(RetryPolicy.none())
                    .proxyAuthenticator(credentials("proxy-user", "proxy-secret", asked))
                    .build();

            assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", null))
                    .withMessageContaining("Invalid token");
            assertThat(asked).isEmpty();
            assertThat(server.received()).singleElement().satisfies(request -> assertThat(
                    request.header("Authorization")).containsExactly("Bearer " + token));
        }
    }

    @Test
    void httpsThroughAProxyThatDemandsCredentialsOpensOneTunnelAfterA407() {
        List<Authenticator.RequestorType> asked = new CopyOnWriteArrayList<>();
        try (CountingProxy proxy = CountingProxy.requiringCredentials("proxy-user", "proxy-secret")) {
            EngagiveClient engagive = clientFor(tlsServer)
                    .proxy(ProxySelector.of(proxy.address()))
                    .proxyAuthenticator(credentials("proxy-user", "proxy-secret", asked))
                    .sslContext(certificates.clientContextTrustingTheCa())
                    .build();

            assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(1);

            assertThat(proxy.challenges()).isEqualTo(1);
            assertThat(proxy.connects()).isEqualTo(1);
            assertThat(asked).containsExactly(Authenticator.RequestorType.PROXY);
        }
    }

    @Test
    void httpsGoesThroughATunnelInWhichTheProxySeesNeitherTheTokenNorTheRequest() {
        try (CountingProxy proxy = CountingProxy.open()) {
            EngagiveClient engagive = clientFor(tlsServer)
                    .proxy(ProxySelector.of(proxy.address()))
                    .sslContext(certificates.clientContextTrustingTheCa())
                    .build();

            assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(1);

            assertThat(proxy.connects()).isEqualTo(1);
            assertThat(proxy.requestHeads()).singleElement().asString().startsWith("CONNECT 127.0.0.1:")
                    .doesNotContain(token);
            assertThat(proxy.tunnelledText()).isNotEmpty().doesNotContain(token).doesNotContain("/templates");
        }
    }

    @Test
    void aServerSignedByAPrivateCaIsTrustedOnlyThroughTheGivenSslContext() {
        int before = tlsServer.received().size();

        assertThatExceptionOfType(ConnectionException.class)
                .isThrownBy(() -> clientFor(tlsServer).build().templates().listTemplates("1", null))
                .withMessageContaining("TLS")
                .withMessageContaining("sslContext")
                .satisfies(failure -> assertThat(failure.requestMayHaveReachedServer()).isFalse());
        assertThat(tlsServer.received()).hasSize(before);

        EngagiveClient trusting = clientFor(tlsServer).sslContext(certificates.clientContextTrustingTheCa()).build();
        assertThat(trusting.templates().listTemplates("1", null).getData()).hasSize(1);
        assertThat(tlsServer.received()).hasSize(before + 1);
    }

    @Test
    void sslParametersDecideWhatTheClientOffers() {
        try (LoopbackServer legacy = LoopbackServer.startTls(certificates.serverContext(), "TLSv1.2")) {
            legacy.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
            SSLParameters onlyTls13 = new SSLParameters();
            onlyTls13.setProtocols(new String[] {"TLSv1.3"});
            SSLParameters onlyTls12 = new SSLParameters();
            onlyTls12.setProtocols(new String[] {"TLSv1.2"});

            assertThatExceptionOfType(ConnectionException.class).isThrownBy(() -> clientFor(legacy)
                    .sslContext(certificates.clientContextTrustingTheCa()).sslParameters(onlyTls13).build()
                    .templates().listTemplates("1", null));
            assertThat(legacy.received()).isEmpty();

            assertThat(clientFor(legacy).sslContext(certificates.clientContextTrustingTheCa()).sslParameters(onlyTls12)
                    .build().templates().listTemplates("1", null).getData()).hasSize(1);
        }
    }

    @Test
    void theGivenExecutorRunsJavaNetHttpsBackgroundWork() {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool();
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
            EngagiveClient engagive = Fixtures.clientFor(server, token)
                    .executor(task -> {
                        tasks.incrementAndGet();
                        pool.execute(task);
                    })
                    .build();

            assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(1);
            assertThat(tasks).hasPositiveValue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallersOwnHttpClientCarriesTheCalls() {
        try (LoopbackServer server = LoopbackServer.start(); CountingProxy proxy = CountingProxy.open()) {
            server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
            HttpClient own = HttpClient.newBuilder().proxy(ProxySelector.of(proxy.address()))
                    .version(HttpClient.Version.HTTP_1_1).build();

            EngagiveClient engagive = Fixtures.clientFor(server, token).httpClient(own).build();

            assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(1);
            assertThat(proxy.forwarded()).isEqualTo(1);
        }
    }

    @Test
    void aCallersOwnHttpClientCannotBeCombinedWithTheSettingsItOwns() {
        EngagiveClientBuilder builder = EngagiveClient.builder().token(token)
                .httpClient(HttpClient.newHttpClient())
                .connectTimeout(Duration.ofSeconds(3))
                .proxy(ProxySelector.of(null));

        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(builder::build)
                .withMessageContaining("[connectTimeout, proxy]")
                .withMessageContaining("configure those on your own HttpClient");
    }

    @Test
    void aCallersOwnHttpClientThatFollowsRedirectsIsRefusedSoTheTokenNeverFollowsOne() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> EngagiveClient.builder().token(token).httpClient(following).build())
                .withMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
    }

    @Test
    void aCallersOwnHttpClientWithAnAuthenticatorIsRefusedBecauseJava17WouldDropTheToken() {
        HttpClient withAuthenticator = HttpClient.newBuilder()
                .authenticator(credentials("proxy-user", "proxy-secret", new CopyOnWriteArrayList<>())).build();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> EngagiveClient.builder().token(token).httpClient(withAuthenticator).build())
                .withMessageContaining("proxyAuthenticator(...)");
    }

    @Test
    void proxyCredentialsTheProxyRefusesAreAskedForOnceAndEndInATyped407() {
        List<Authenticator.RequestorType> asked = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start();
                CountingProxy proxy = CountingProxy.requiringCredentials("proxy-user", "proxy-secret")) {
            EngagiveClient engagive = Fixtures.clientFor(server, token)
                    .proxy(ProxySelector.of(proxy.address()))
                    .proxyAuthenticator(credentials("proxy-user", "wrong", asked))
                    .build();

            assertThatExceptionOfType(ApiErrorException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", null))
                    .withMessageContaining("407");
            assertThat(asked).containsExactly(Authenticator.RequestorType.PROXY);
            assertThat(proxy.challenges()).isEqualTo(2);
            assertThat(server.received()).isEmpty();
        }
    }

    private EngagiveClientBuilder clientFor(LoopbackServer server) {
        return Fixtures.clientFor(server, token).retryPolicy(RetryPolicy.none());
    }

    private static Authenticator credentials(String user, String password, List<Authenticator.RequestorType> asked) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                asked.add(getRequestorType());
                return new PasswordAuthentication(user, password.toCharArray());
            }
        };
    }
}
