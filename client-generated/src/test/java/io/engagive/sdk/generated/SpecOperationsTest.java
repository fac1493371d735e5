package io.engagive.sdk.generated;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
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
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(SpecOperations.APIS.stream(),
                            SpecOperations.ASYNC_APIS.stream()).map(Class::getSimpleName).toList());
        }
    }

    @Test
    void eachAsyncApiHasEveryMethodOfItsBlockingTwinReturningAFutureOfTheSameType() throws NoSuchMethodException {
        for (int i = 0; i < SpecOperations.APIS.size(); i++) {
            Class<?> blocking = SpecOperations.APIS.get(i);
            Class<?> async = SpecOperations.ASYNC_APIS.get(i);
            assertThat(async.getMethods()).as(async.getSimpleName()).hasSameSizeAs(blocking.getMethods());
            for (Method method : blocking.getMethods()) {
                Method twin = async.getMethod(method.getName(), method.getParameterTypes());
                assertThat(twin.getReturnType()).isEqualTo(CompletableFuture.class);
                Type futureOf = ((ParameterizedType) twin.getGenericReturnType()).getActualTypeArguments()[0];
                assertThat(futureOf.getTypeName()).as(twin.toString())
                        .isEqualTo(method.getGenericReturnType() == void.class ? "java.lang.Void"
                                : method.getGenericReturnType().getTypeName());
                assertThat(twin.getAnnotation(SpecOperation.class).id())
                        .isEqualTo(method.getAnnotation(SpecOperation.class).id());
            }
        }
    }

    @Test
    void anUnknownOperationIsRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> SpecOperations.of("deleteEverything"))
                .withMessageContaining("deleteEverything");
    }
}
