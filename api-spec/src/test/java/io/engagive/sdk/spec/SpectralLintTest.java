package io.engagive.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the build's lint gate both passes the shipped spec and fails a spec that lost a 401 response. */
class SpectralLintTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path workDir;

    @Test
    void shippedSpecPassesTheLint() throws Exception {
        LintResult result = lint(SpecFixture.specText());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void removingA401ResponseFromOneOperationFailsTheLint() throws Exception {
        ObjectNode spec = (ObjectNode) YAML.readTree(SpecFixture.specText());
        ((ObjectNode) spec.at("/paths/~1channels~1whatsapp~1accounts~1{accountId}~1templates/get/responses"))
                .remove("401");

        LintResult result = lint(YAML.writeValueAsString(spec));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("engagive-operation-401").contains("templates.get.responses");
    }

    @Test
    void anHttpServerFailsTheLint() throws Exception {
        LintResult result = lint(SpecFixture.specText()
                .replace("url: https://stage.api.engagive.io", "url: http://stage.api.engagive.io"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("engagive-servers-https");
    }

    private LintResult lint(String specText) throws IOException, InterruptedException {
        Path spec = workDir.resolve("spec.yaml");
        Files.writeString(spec, specText, StandardCharsets.UTF_8);
        Path output = workDir.resolve("spectral.out");
        Process process = new ProcessBuilder(List.of(
                System.getProperty("engagive.node", "node"),
                requiredProperty("engagive.spectral.cli"),
                "lint", "--fail-severity=warn",
                "--ruleset", requiredProperty("engagive.spectral.ruleset"),
                spec.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("spectral finished").isTrue();
        return new LintResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the Maven build)").isNotBlank();
        return value;
    }

    private record LintResult(int exitCode, String output) {
    }
}
