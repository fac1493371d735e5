package io.engagive.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed file replaces the built-in accounts, templates and users; a mistake in it is refused naming where it is. */
class SeedTest {

    @TempDir
    Path dir;

    @Test
    void aSeedsAccountsTemplatesAndUsersAreServed() throws IOException, InterruptedException {
        Path seed = Files.writeString(dir.resolve("seed.json"), """
                {"accounts": [{"id": "42", "organisation": "initech",
                               "templates": [{"code": "tps_report", "status": "APPROVED"}]}],
                 "users": [{"id": "peter", "organisation": "initech", "accounts": ["42"],
                            "permissions": ["WhatsApp Templates — View"]}]}
                """);
        try (EngagiveSandbox sandbox = EngagiveSandbox.builder().seed(seed).start()) {
            String token = mint(sandbox, "peter");

            HttpResponse<String> list = get(sandbox.baseUrl() + "/channels/whatsapp/accounts/42/templates", token);

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"code\":\"tps_report\"", "\"status\":\"approved\"",
                    "\"category_code\":\"UTILITY\"");
            assertThat(get(sandbox.baseUrl() + "/channels/whatsapp/accounts/1/templates", token).statusCode())
                    .isEqualTo(403);
            sandbox.assertHealthy();
        }
    }

    @Test
    void mistakesAreRefusedNamingWhereTheyAre() throws IOException {
        assertThat(refusal("{\"users\": []}")).contains("expected an object with an \"accounts\" array");
        assertThat(refusal("{\"accounts\": [{\"id\": \"1\", \"organisation\": \"a\"}, {\"id\": \"1\", "
                + "\"organisation\": \"b\"}]}")).contains("accounts[1]: account \"1\" appears twice");
        assertThat(refusal("{\"accounts\": [{\"id\": \"1\", \"organisation\": \"a\", \"templates\": [{}]}]}"))
                .contains("accounts[0].templates[0].code must be a non-empty string");
        assertThat(refusal("{\"accounts\": [], \"users\": [{\"id\": \"u\", \"organisation\": \"a\", "
                + "\"permissions\": [\"ROOT\"]}]}")).contains("users[0]: unknown permission \"ROOT\"");
        assertThat(refusal("{\"accounts\": [")).contains("is not valid JSON");
    }

    private String refusal(String json) throws IOException {
        Path seed = Files.writeString(Files.createTempFile(dir, "seed", ".json"), json);
        return assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> EngagiveSandbox.builder().seed(seed).start().close())
                .actual().getMessage();
    }

    private static String mint(EngagiveSandbox sandbox, String user) throws IOException, InterruptedException {
        HttpResponse<String> minted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sandbox.adminUrl() + "/tokens")).POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + user
                + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return minted.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
