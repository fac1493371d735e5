package io.engagive.sdk.cli;

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
