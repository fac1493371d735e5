package io.engagive.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The gate itself, run on the shipped spec, and proof that it catches each kind of breaking change. */
class BreakingChangeGateTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String LIST_TEMPLATES = "/paths/~1channels~1whatsapp~1accounts~1{accountId}~1templates";

    private final String current = SpecFixture.specText();

    @Test
    void theShippedSpecPassesTheGateAgainstTheNewestBaseline() throws IOException {
        Path baseline = CompatibilityGate.newestBaseline(Path.of(System.getProperty("engagive.spec.baselines",
                "baseline")));

        CompatibilityGate.Verdict verdict = CompatibilityGate.judge(Files.readString(baseline), current);

        assertThat(verdict.passes()).as(verdict.toString()).isTrue();
    }

    @Test
    void aRemovedOperationIsBreaking() throws IOException {
        String changed = edit(current, spec -> ((ObjectNode) spec.get("paths"))
                .remove("/channels/whatsapp/accounts/{accountId}/messages/send-reaction"));

        CompatibilityGate.Verdict verdict = CompatibilityGate.judge(current, changed);

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.changes()).anySatisfy(change -> assertThat(change).contains("removed POST")
                .contains("send-reaction"));
    }

    @Test
    void aRemovedResponseFieldIsBreaking() throws IOException {
        String changed = edit(current, spec -> ((ObjectNode) spec.at("/components/schemas/Template/properties"))
                .remove("status"));

        CompatibilityGate.Verdict verdict = CompatibilityGate.judge(current, changed);

        assertThat(verdict.passes()).isFalse();
        assertThat(verdict.changes()).contains("removed response field getTemplate 200 data.status",
                "removed response field listTemplates 200 data[].status");
    }

    @Test
    void aNewRequiredRequestFieldIsBreaking() throws IOException {
        String changed = edit(current, spec -> {
            ObjectNode reaction = (ObjectNode) spec.at("/components/schemas/SendReactionRequest");
            ((ObjectNode) reaction.get("properties")).putObject("idempotency_key").put("type", "string");
            ((ArrayNode) reaction.get("required")).add("idempotency_key");
        });

        assertThat(CompatibilityGate.judge(current, changed).passes()).isFalse();
    }

    @Test
    void aNarrowedEnumIsBreaking() throws IOException {
        String wide = withEmojiEnum("👍", "❤️", "😂");
        String narrow = withEmojiEnum("👍", "❤️");

        assertThat(CompatibilityGate.judge(wide, narrow).passes()).isFalse();
    }

    @Test
    void anAddedOptionalFieldIsCompatible() throws IOException {
        String changed = edit(current, spec -> ((ObjectNode) spec.at("/components/schemas/SendReactionRequest/properties"))
                .putObject("note").put("type", "string"));

        CompatibilityGate.Verdict verdict = CompatibilityGate.judge(current, changed);

        assertThat(verdict.compatible()).as(verdict.toString()).isTrue();
        assertThat(verdict.passes()).isTrue();
    }

    @Test
    void aBreakingChangePassesOnlyWithAMajorVersionBump() throws IOException {
        String removed = edit(current, spec -> ((ObjectNode) spec.at(LIST_TEMPLATES)).remove("get"));
        int major = Integer.parseInt(YAML.readTree(current).at("/info/version").asText().split("\\.")[0]);
        String removedAndBumped = edit(removed, spec -> ((ObjectNode) spec.get("info"))
                .put("version", (major + 1) + ".0.0"));
        String removedAndMinorBump = edit(removed, spec -> ((ObjectNode) spec.get("info"))
                .put("version", major + ".1.0"));

        assertThat(CompatibilityGate.judge(current, removedAndBumped).passes()).isTrue();
        assertThat(CompatibilityGate.judge(current, removedAndMinorBump).passes()).isFalse();
    }

    private String withEmojiEnum(String... values) throws IOException {
        return edit(current, spec -> {
            ArrayNode allowed = ((ObjectNode) spec.at("/components/schemas/SendReactionRequest/properties/emoji"))
                    .putArray("enum");
            for (String value : values) {
                allowed.add(value);
            }
        });
    }

    private static String edit(String spec, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) YAML.readTree(spec);
        change.accept(tree);
        return YAML.writeValueAsString(tree);
    }
}
