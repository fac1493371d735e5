package io.engagive.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.spec.EngagiveOpenApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The admin API over real HTTP, as a team in another language drives it; every answer matches its document. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EngagiveSandbox sandbox = EngagiveSandbox.start();

    /** An answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body) {
    }

    @AfterEach
    void healthyAndReset() {
        try {
            assertThat(sandbox.specViolations()).isEmpty();
        } finally {
            sandbox.reset();
        }
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void healthNamesBothUrls() throws Exception {
        Answer health = admin("GET", "/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("base_url").asText()).isEqualTo(sandbox.baseUrl());
        assertThat(health.body().path("admin_url").asText()).isEqualTo(sandbox.adminUrl()).endsWith("/__sandbox");
    }

    @Test
    void mintedTokensAreValidExpiredOrBadlySignedAsAsked() throws Exception {
        String valid = admin("POST", "/tokens", null).body().path("token").asText();
        Answer expired = admin("POST", "/tokens", "{\"kind\":\"expired\"}");
        Answer forged = admin("POST", "/tokens", "{\"kind\":\"bad_signature\"}");

        assertThat(api("GET", "/channels/whatsapp/accounts/1/templates", valid, null).status()).isEqualTo(200);
        assertThat(expired.status()).isEqualTo(201);
        assertThat(expired.body().path("expires_at").isNull()).isTrue();
        assertThat(api("GET", "/channels/whatsapp/accounts/1/templates", expired.body().path("token").asText(), null)
                .body().path("error").asText()).containsIgnoringCase("expired");
        assertThat(api("GET", "/channels/whatsapp/accounts/1/templates", forged.body().path("token").asText(), null)
                .status()).isEqualTo(401);
        assertThat(admin("POST", "/tokens", "{\"user_id\":\"nobody\"}").status()).isEqualTo(404);
        assertThat(admin("POST", "/tokens", "{\"kind\":\"forever\"}").body().path("error").asText())
                .contains("valid, expired or bad_signature");
    }

    @Test
    void aUserRegisteredWithoutAPermissionIsRefusedWhatItNeeds() throws Exception {
        Answer user = admin("PUT", "/users/viewer", "{\"accounts\":[\"1\"],\"permissions\":[\"TEMPLATES_VIEW\"]}");
        String token = user.body().path("token").asText();

        assertThat(user.body().path("permissions").toString()).isEqualTo("[\"TEMPLATES_VIEW\"]");
        assertThat(api("GET", "/channels/whatsapp/accounts/1/templates", token, null).status()).isEqualTo(200);
        assertThat(api("POST", "/channels/whatsapp/accounts/1/messages/send-reaction", token,
                "{\"to\":\"923001234567\",\"whatsapp_message_id\":\"wamid.X\",\"emoji\":\"👍\"}").status())
                .isEqualTo(403);
        assertThat(admin("GET", "/users", null).body().findValuesAsText("id")).contains("default-user", "viewer");
        assertThat(admin("PUT", "/users/viewer", "{\"accounts\":[\"1\"],\"permissions\":[\"ADMIN\"]}").status())
                .isEqualTo(400);
    }

    @Test
    void faultsJournalAndSentMessagesAreDrivenAndReadOverHttp() throws Exception {
        String token = admin("POST", "/tokens", null).body().path("token").asText();
        Answer injected = admin("POST", "/faults", "{\"operation\":\"sendTemplate\",\"fault\":{\"kind\":\"meta_error\"}}");
        String send = "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"hello_world\",\"lang_code\":\"en_US\"}}";

        Answer refused = api("POST", "/channels/whatsapp/accounts/1/messages/send-template", token, send);
        Answer sent = api("POST", "/channels/whatsapp/accounts/1/messages/send-template", token, send);

        assertThat(injected.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body().at("/metaResponse/error/code").asInt()).isPositive();
        assertThat(sent.status()).isEqualTo(200);
        JsonNode journal = admin("GET", "/journal", null).body();
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).path("operation").asText()).isEqualTo("sendTemplate");
        assertThat(journal.get(0).path("headers").path("authorization").toString()).doesNotContain(token);
        JsonNode messages = admin("GET", "/sent-messages", null).body();
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.path("to").asText()).isEqualTo("923001234567");
            assertThat(message.path("wamid").asText()).isEqualTo(sent.body().at("/metaResponse/messages/0/id").asText());
        });
        assertThat(admin("GET", "/spec-violations", null).body().path("violations")).isEmpty();
        assertThat(admin("POST", "/reset", null).status()).isEqualTo(204);
        assertThat(admin("GET", "/journal", null).body()).isEmpty();
    }

    @Test
    void everyFaultKindCanBeInjectedAndCleared() throws Exception {
        for (String fault : new String[] {"{\"kind\":\"rate_limited\",\"retry_after_seconds\":2}",
                "{\"kind\":\"unavailable\"}", "{\"kind\":\"delay\",\"delay_ms\":1}", "{\"kind\":\"drop_connection\"}",
                "{\"kind\":\"html_error_page\",\"status\":502}", "{\"kind\":\"reply\",\"status\":418,\"body\":{}}",
                "{\"kind\":\"reset_connection\"}", "{\"kind\":\"answer_lost\"}", "{\"kind\":\"truncated_body\"}",
                "{\"kind\":\"dripping_body\",\"pause_ms\":5}", "{\"kind\":\"stalled_body\",\"stall_ms\":5}",
                "{\"kind\":\"lying_content_length\"}", "{\"kind\":\"token_echoed_in_headers\"}"}) {
            assertThat(admin("POST", "/faults", "{\"operation\":\"listTemplates\",\"fault\":" + fault + "}").status())
                    .as(fault).isEqualTo(201);
        }
        assertThat(admin("DELETE", "/faults", null).status()).isEqualTo(204);
        assertThat(admin("POST", "/faults", "{\"operation\":\"deleteEverything\",\"fault\":{\"kind\":\"unavailable\"}}")
                .body().path("error").asText()).contains("listTemplates");
    }

    @Test
    void theWrongAccountStatusCanBeChanged() throws Exception {
        String token = admin("POST", "/tokens", null).body().path("token").asText();

        assertThat(admin("PUT", "/wrong-account-status", "{\"status\":400}").body().path("status").asInt()).isEqualTo(400);
        assertThat(api("GET", "/channels/whatsapp/accounts/9/templates", token, null).status()).isEqualTo(400);
    }

    @Test
    void everyProviderStateSetsUpAndOffersWhatItsPactsInject() throws Exception {
        for (String state : ProviderStates.names()) {
            Answer setUp = admin("POST", "/provider-states", JSON.writeValueAsString(
                    Map.of("state", state, "params", Map.of(), "action", "setup")));

            assertThat(setUp.status()).as(state).isEqualTo(200);
            setUp.body().properties().forEach(value -> assertThat(value.getValue().asText()).as(state)
                    .matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
            assertThat(admin("POST", "/provider-states", JSON.writeValueAsString(
                    Map.of("state", state, "action", "teardown"))).status()).isEqualTo(200);
        }
        assertThat(admin("POST", "/provider-states", "{\"state\":\"the moon is full\"}").body().path("error").asText())
                .contains("unknown provider state");
    }

    @Test
    void aProviderStateWithAFaultAppliesIt() throws Exception {
        String token = admin("POST", "/provider-states", "{\"state\":\"" + ProviderStates.META_REJECTS_NEXT_SEND + "\"}")
                .body().path("token").asText();

        assertThat(api("POST", "/channels/whatsapp/accounts/1/messages/send-template", token,
                "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"hello_world\",\"lang_code\":\"en\"}}")
                .status()).isEqualTo(502);
    }

    @Test
    void unknownAdminRoutesAndBadBodiesAreRefusedWithAReason() throws Exception {
        assertThat(admin("GET", "/nothing-here", null).status()).isEqualTo(404);
        assertThat(admin("PUT", "/users/x", "not json").body().path("error").asText()).contains("not valid JSON");
        assertThat(admin("PUT", "/users/x", "[]").body().path("error").asText()).contains("JSON object");
    }

    @Test
    void anAnswerOutsideTheAdminDocumentIsAViolation() {
        SpecConformance check = new SpecConformance("the sandbox admin document", EngagiveOpenApi.sandboxAdminText());

        check.checkResponse("GET", "/health", 200, Map.of("Content-Type", "application/json"),
                "{\"status\":\"fine\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(check.violations()).singleElement().asString().contains("did not match the sandbox admin document");
    }

    private Answer admin(String method, String path, String body) throws IOException, InterruptedException {
        return call(method, sandbox.adminUrl() + path, null, body);
    }

    private Answer api(String method, String path, String token, String body) throws IOException, InterruptedException {
        return call(method, sandbox.baseUrl() + path, token, body);
    }

    private static Answer call(String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }
}
