package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tool does with hostile server text, a body file it cannot send as written, and token files that are shared, marked or read once. */
@EngagiveSandboxTest
class CliHardeningTest {

    private final EngagiveSandbox sandbox;

    CliHardeningTest(EngagiveSandbox sandbox) {
        this.sandbox = sandbox;
    }

    private CliRun configured() {
        return new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl())
                .env("ENGAGIVE_API_TOKEN", sandbox.defaultUser().token()).env("ENGAGIVE_ACCOUNT_ID", "1");
    }

    @Test
    void serverTextCannotSendEscapeSequencesOrForgeTableRows() {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.reply(200, "{\"success\":true,\"message\":\"Templates retrieved\","
                + "\"data\":[{\"id\":1,\"code\":\"evil\\u001b[2J\",\"name\":\"Order\\nfake_row  approved\",\"status\":\"approved\\u202e\"}]}"));

        CliRun.Result result = configured().run("templates", "list", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).doesNotContain("\u001b").doesNotContain("\u202e")
                .contains("evil\\u001b[2J").contains("Order\\u000afake_row");
        assertThat(result.out().lines()).hasSize(2);
    }

    @Test
    void serverTextInAnErrorLineIsEscaped() {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.reply(404, "{\"success\":false,\"statusCode\":404,\"message\":"
                + "\"gone\\u001b]0;pwned\\u0007\\r\\nengagive: all good\"}"));

        CliRun.Result result = configured().run("templates", "list");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void aBodyFileWithAFieldTheBodyDoesNotHaveIsRefusedNamingItAndNothingIsSent(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"to\":\"923001234567\",\"content_json\":{\"tempalte_name\":\"order_shipped\","
                + "\"lang_code\":\"en\"},\"priority\":\"high\"}");

        CliRun.Result result = configured().run("messages", "send-template", "--body-file", body.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("content_json.tempalte_name").contains("priority")
                .contains("Nothing was sent");
        assertThat(sandbox.journal()).isEmpty();
    }

    @Test
    void aBodyFileIsSentExactlyAsWritten(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"order_shipped\","
                + "\"lang_code\":\"en\",\"components\":[{\"type\":\"BODY\",\"parameters\":[{\"type\":\"text\","
                + "\"text\":\"A-1\",\"extra\":{\"kept\":true}}]}]}}");

        CliRun.Result result = configured().run("messages", "send-template", "--body-file", body.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(sandbox.journal()).singleElement()
                .satisfies(entry -> assertThat(entry.body()).contains("\"extra\":{\"kept\":true}"));
    }

    @Test
    void aTokenFileOthersCanReadIsWarnedAboutInEveryCommandAndFailsTheDoctor(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, sandbox.defaultUser().token());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun run = new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl()).env("ENGAGIVE_ACCOUNT_ID", "1");

        CliRun.Result list = run.run("--token-file", file.toString(), "templates", "list");
        CliRun.Result doctor = run.run("--token-file", file.toString(), "doctor");

        assertThat(list.exitCode()).isZero();
        assertThat(list.err()).contains("warning:").contains("chmod 600 " + file);
        assertThat(doctor.exitCode()).isEqualTo(3);
        assertThat(doctor.out()).contains("[FAIL] token file private").contains("chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(run.run("--token-file", file.toString(), "doctor").out()).doesNotContain("token file private")
                .contains("All checks passed.");
    }

    @Test
    void aTokenFileWithAByteOrderMarkIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "\uFEFF" + sandbox.defaultUser().token() + "\r\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        CliRun.Result result = configured().run("--token-file", file.toString(), "templates", "list");

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aQuotedTokenFailsWellFormedWithTheReasonAndTheDoctorSendsNothing() {
        String token = sandbox.defaultUser().token();

        CliRun.Result result = configured().env("ENGAGIVE_API_TOKEN", "\"" + token + "\"").run("doctor");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("[FAIL] token well-formed").contains("a quote")
                .doesNotContain("API reachable");
        assertThat(result.all()).doesNotContain(token);
        assertThat(sandbox.journal()).isEmpty();
    }

    @Test
    void aTokenFromAPipeIsReadOncePerCommand(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("token.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        String token = sandbox.defaultUser().token();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(token.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();

        CliRun.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> configured().run("--token-file", fifo.toString(), "doctor"));

        assertThat(result.out()).contains("[ OK ] token present").contains("[ OK ] account accessible");
    }
}
