package io.engagive.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox given a key store serves HTTPS, HTTP/2 and HTTP/1.1 chosen by ALPN. */
class SandboxTlsTest {

    private static final char[] PASSWORD = "sandbox-test".toCharArray();

    @Test
    void http2AndHttp11AreChosenByAlpnOverTls(@TempDir Path directory) throws Exception {
        KeyStore keys = selfSignedForLoopback(directory.resolve("sandbox.p12"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);

        try (EngagiveSandbox sandbox = EngagiveSandbox.builder().tls(keys, PASSWORD).start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                    + "/channels/whatsapp/accounts/1/templates"))
                    .header("Authorization", "Bearer " + sandbox.defaultUser().token()).build();
            HttpResponse<String> overHttp2 = HttpClient.newBuilder().sslContext(tls)
                    .version(HttpClient.Version.HTTP_2).build().send(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> overHttp11 = HttpClient.newBuilder().sslContext(tls)
                    .version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(sandbox.baseUrl()).startsWith("https://127.0.0.1:");
            assertThat(overHttp2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(overHttp2.statusCode()).isEqualTo(200);
            assertThat(overHttp11.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(overHttp11.headers().firstValue("Keep-Alive")).hasValue("timeout=59");
            sandbox.assertHealthy();
        }
    }

    /** A key store with a self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
    private static KeyStore selfSignedForLoopback(Path file) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sandbox", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
