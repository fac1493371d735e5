package io.engagive.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves that spec, contracts and sandbox cannot drift apart silently: breaking each of the three
 * links once makes the corresponding check fail.
 */
class BrokenLinksIT {

    static final String BROKEN_PACT_FOLDER = "target/broken-pacts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aContractThatBreaksTheSpecFailsTheSpecCheck(@TempDir Path dir) throws IOException {
        File broken = breakInteraction(dir, "a request to list the templates",
                response -> ((ObjectNode) response.get("body").get("content")).put("success", "yes"));

        List<PactSpecCheck.Finding> findings = new PactSpecCheck().check(broken);

        assertThat(findings).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.interaction()).isEqualTo("a request to list the templates"));
    }

    @Test
    void aContractTheSandboxDoesNotHonourFailsProviderVerification() throws IOException {
        Path folder = Path.of(BROKEN_PACT_FOLDER);
        Files.createDirectories(folder);
        breakInteraction(folder, "a request for an account the user may not use",
                response -> response.put("status", 200));

        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenContractVerification.class))
                .execute().testEvents();

        assertThat(tests.failed().count()).isEqualTo(1);
        assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aSandboxAnswerOutsideTheSpecFailsProviderVerification() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OffSpecSandboxVerification.class))
                .execute().testEvents();

        assertThat(tests.failed().count()).isEqualTo(2);
        assertThat(tests.failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("")))
                .allSatisfy(message -> assertThat(message).contains("did not match the spec"));
    }

    private static File breakInteraction(Path into, String description,
            java.util.function.Consumer<ObjectNode> breakResponse) throws IOException {
        File source = PactFiles.written().get(0);
        ObjectNode pact = (ObjectNode) JSON.readTree(source);
        pact.withArray("interactions").forEach(interaction -> {
            if (interaction.get("description").asText().equals(description)) {
                breakResponse.accept((ObjectNode) interaction.get("response"));
            }
        });
        File broken = into.resolve(source.getName()).toFile();
        JSON.writerWithDefaultPrettyPrinter().writeValue(broken, pact);
        return broken;
    }
}
