package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import io.engagive.sdk.sandbox.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every API command against the sandbox over real HTTP, as a user types it. */
@EngagiveSandboxTest
class CliCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngagiveSandbox sandbox;
    private final String token;

    CliCommandsTest(EngagiveSandbox sandbox) {
        this.sandbox = sandbox;
        this.token = sandbox.defaultUser().token();
    }

    private CliRun cli() {
        return new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl()).env("ENGAGIVE_API_TOKEN", token)
                .env("ENGAGIVE_ACCOUNT_ID", "1");
    }

    @Test
    void templatesListPrintsATable() {
        CliRun.Result result = cli().run("templates", "list", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("CODE").contains("STATUS").contains("order_shipped").contains("approved");
    }

    @Test
    void templatesListWithSearchPrintsTheEnvelopeAsJsonWhenNotOnATerminal() throws Exception {
        CliRun.Result result = cli().run("templates", "list", "--search", "order");

        JsonNode envelope = JSON.readTree(result.out());
        assertThat(result.exitCode()).isZero();
        assertThat(envelope.path("success").asBoolean()).isTrue();
        assertThat(envelope.path("data")).hasSize(1);
        assertThat(sandbox.journal().get(0).query()).contains("search=order");
    }

    @Test
    void templatesGetShowsOneTemplate() {
        CliRun.Result result = cli().run("templates", "get", "order_shipped", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("order_shipped").contains("Order shipped").contains("UTILITY");
    }

    @Test
    void lookupsAndContentsAreListed() {
        assertThat(cli().run("lookups", "categories", "--output", "table").out()).contains("MARKETING");
        assertThat(cli().run("lookups", "options", "MARKETING", "--output", "table").out()).contains("STANDARD");
        assertThat(cli().run("lookups", "languages", "order_shipped", "--output", "table").out()).contains("en_US");
        assertThat(cli().run("contents", "list", "order_shipped", "--output", "table").out())
                .contains("LANGUAGE").contains("Hi {{1}}");
    }

    @Test
    void sendTemplateFromFlagsSendsOnceAndShowsTheMessageId() {
        CliRun.Result result = cli().run("messages", "send-template", "--to", "923001234567", "--template",
                "hello_world", "--language", "en_US", "--param", "Ayesha", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(sandbox.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.request().at("/content_json/components/0/parameters/0/text").asText()).isEqualTo("Ayesha");
            assertThat(result.out()).contains(message.wamid());
        });
        assertThat(sandbox.requestsTo(Route.SEND_TEMPLATE)).isEqualTo(1);
    }

    @Test
    void sendTemplateFromABodyFile(@TempDir Path dir) throws Exception {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"order_shipped\","
                + "\"lang_code\":\"en\",\"components\":[{\"type\":\"BODY\",\"parameters\":[{\"type\":\"text\","
                + "\"text\":\"42\"}]}]}}");

        CliRun.Result result = cli().run("messages", "send-template", "--body-file", body.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(sandbox.sentMessages()).singleElement()
                .satisfies(message -> assertThat(message.request().at("/content_json/template_name").asText())
                        .isEqualTo("order_shipped"));
    }

    @Test
    void sendReaction() {
        CliRun.Result result = cli().run("messages", "send-reaction", "--to", "923001234567", "--message-id",
                "wamid.HBgM", "--emoji", "👍", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Reaction sent");
        assertThat(sandbox.sentMessages()).extracting(message -> message.type()).containsExactly("reaction");
    }

    @Test
    void theAccountAndTokenCanComeFromOptions(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token + "\n");

        CliRun.Result result = new CliRun().run("--base-url", sandbox.baseUrl(), "--token-file", tokenFile.toString(),
                "lookups", "categories", "--account", "2", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(sandbox.journal().get(0).path()).contains("/accounts/2/");
    }
}
