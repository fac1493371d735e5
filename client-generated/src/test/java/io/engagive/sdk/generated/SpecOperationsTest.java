package io.engagive.sdk.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.engagive.sdk.spec.EngagiveOpenApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every operation of the spec reaches the generated code with its id and permission, and the index knows every generated API. */
class SpecOperationsTest {

    @Test
    void everyOperationOfTheSpecIsFoundWithItsRequiredPermission() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(EngagiveOpenApi.text());
        Map<String, String> permissions = new TreeMap<>();
        spec.get("paths").forEach(path -> path.properties().forEach(operation -> {
            if (operation.getValue().has("operationId")) {
                permissions.put(operation.getValue().get("operationId").asText(),
                        operation.getValue().get("x-required-permission").asText());
            }
        }));

        assertThat(permissions).isNotEmpty().allSatisfy((id, permission) ->
                assertThat(SpecOperations.of(id).requiredPermission()).as(id).isEqualTo(permission));
    }

    @Test
    void theIndexListsEveryGeneratedApi() throws IOException {
        Path apis = Path.of("target/generated-sources/openapi/src/main/java/io/engagive/sdk/generated/api");
        try (Stream<Path> files = Files.list(apis)) {
            assertThat(files.map(file -> file.getFileName().toString().replace(".java", "")))
                    .containsExactlyInAnyOrderElementsOf(SpecOperations.APIS.stream().map(Class::getSimpleName).toList());
        }
    }

    @Test
    void anUnknownOperationIsRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SpecOperations.of("deleteEverything"))
                .withMessageContaining("deleteEverything");
    }
}
