package io.engagive.sdk.cli;

import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engagive sandbox serve} from the runnable jar, as a team in another language starts it. */
class SandboxServeIT {

    private static final Pattern API = Pattern.compile("serving the API at (\\S+)");
    private static final Pattern TOKEN = Pattern.compile("not a secret\\): (\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY_PASSWORD = "sandbox-serve-test";

    @TempDir
    Path dir;

    @Test
    void servesTheApiAndTheAdminApiUntilSigtermThenStopsCleanly() throws Exception {
        Process process = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("engagive.cli.jar"), "sandbox",
                "serve", "--port", "0").redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.startsWith("Stop with"); line = out.readLine()) {
                lines.add(line);
            }
            String printed = String.join("\n", lines);
            String baseUrl = find(API, printed);
            String token = find(TOKEN, printed);

            assertThat(get(baseUrl + "/channels/whatsapp/accounts/1/templates", token).statusCode()).isEqualTo(200);
            assertThat(get(baseUrl.replace("/api/business/public", "/__sandbox/health"), null).body())
                    .contains("\"status\":\"ok\"");

            process.toHandle().destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            List<String> after = out.lines().toList();
            assertThat(after).as("what it printed after SIGTERM (a JDK may add its own warnings)")
                    .contains("Engagive sandbox stopped.");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withAKeyStoreItServesHttpsOverHttp2AndTheTokenStillWorks() throws Exception {
        Path keys = dir.resolve("sandbox.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sandbox", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                keys.toString(), "-storepass", KEY_PASSWORD, "-keypass", KEY_PASSWORD).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            trusted.load(in, KEY_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        ProcessBuilder serve = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("engagive.cli.jar"),
                "sandbox", "serve", "--port", "0", "--tls-keystore", keys.toString()).redirectErrorStream(true);
        serve.environment().put("ENGAGIVE_SANDBOX_KEYSTORE_PASSWORD", KEY_PASSWORD);
        Process process = serve.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.startsWith("Stop with"); line = out.readLine()) {
                lines.add(line);
            }
            String printed = String.join("\n", lines);
            String baseUrl = find(API, printed);
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_2)
                    .build().send(HttpRequest.newBuilder(URI.create(baseUrl + "/channels/whatsapp/accounts/1/templates"))
                            .header("Authorization", "Bearer " + find(TOKEN, printed)).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(baseUrl).startsWith("https://127.0.0.1:");
            assertThat(printed).doesNotContain(KEY_PASSWORD);
            assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(answer.statusCode()).isEqualTo(200);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aKeyStoreThatCannotBeReadIsRefusedAtStartWithoutItsPassword() throws Exception {
        Path notAKeyStore = Files.writeString(dir.resolve("keys.p12"), "not a key store");
        ProcessBuilder serve = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("engagive.cli.jar"),
                "sandbox", "serve", "--port", "0", "--tls-keystore", notAKeyStore.toString()).redirectErrorStream(true);
        serve.environment().put("ENGAGIVE_SANDBOX_KEYSTORE_PASSWORD", KEY_PASSWORD);
        Process process = serve.start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("cannot read the key store").contains("ENGAGIVE_SANDBOX_KEYSTORE_PASSWORD")
                .doesNotContain(KEY_PASSWORD);
    }

    @Test
    void aSeedWithAMistakeIsRefusedAtStartNamingWhereItIs() throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), "{\"accounts\":[{\"id\":\"1\",\"templates\":[]}]}");
        Process process = new ProcessBuilder(javaBinary(), "-jar", System.getProperty("engagive.cli.jar"), "sandbox",
                "serve", "--port", "0", "--seed", seed.toString()).redirectErrorStream(true).start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("accounts[0].organisation must be a non-empty string");
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
