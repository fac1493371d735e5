package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runnable jar as a user runs it: separate processes, real streams, every verbosity. */
@EngagiveSandboxTest
class CliJarIT {

    private final EngagiveSandbox sandbox;

    CliJarIT(EngagiveSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "verbose={0}")
    @ValueSource(booleans = {false, true})
    void theTokenNeverAppearsInAnyOutputAtAnyVerbosity(boolean verbose) throws Exception {
        String token = sandbox.defaultUser().token();
        String badToken = sandbox.defaultUser().tokenWithBadSignature();
        List<String> outputs = new ArrayList<>();

        outputs.add(run(token, verbose, "templates", "list"));
        outputs.add(run(token, verbose, "messages", "send-template", "--to", "923001234567", "--template",
                "hello_world", "--language", "en_US"));
        outputs.add(run(token, verbose, "templates", "list", "--account", "9"));
        outputs.add(run(badToken, verbose, "templates", "list"));
        outputs.add(run(token, verbose, "token", "inspect"));
        outputs.add(run(token, verbose, "doctor"));

        for (String output : outputs) {
            assertThat(output).doesNotContain(token).doesNotContain(badToken);
        }
        if (verbose) {
            assertThat(String.join("\n", outputs)).contains("Authorization: Bearer [REDACTED]");
        }
    }

    @Test
    void theDemoRunsFromTheJar() throws Exception {
        String output = run(null, false, "demo");

        assertThat(output).contains("Summary: 7 of 7 steps behaved as expected").contains("exit=0");
    }

    @Test
    void helpListsTheExitCodes() throws Exception {
        String output = run(null, false, "--help");

        assertThat(output).contains("Exit codes:").contains("10  connection failure or timeout").contains("exit=0");
    }

    private String run(String token, boolean verbose, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", System.getProperty("engagive.cli.jar")));
        if (verbose) {
            command.add("-v");
        }
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "cli", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ENGAGIVE_BASE_URL", sandbox.baseUrl());
        builder.environment().put("ENGAGIVE_ACCOUNT_ID", "1");
        if (token != null) {
            builder.environment().put("ENGAGIVE_API_TOKEN", token);
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(output, StandardCharsets.UTF_8) + "\nexit=" + process.exitValue();
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
