package io.engagive.sdk.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.QueryMap;
import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.TemplateContentsApi;
import io.engagive.sdk.generated.api.TemplateLookupsApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.generated.model.ErrorEnvelope;
import io.engagive.sdk.generated.model.Template;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GeneratedModelsTest {

    private static final List<Class<?>> APIS =
            List.of(TemplatesApi.class, TemplateLookupsApi.class, TemplateContentsApi.class, MessagesApi.class);

    private final ObjectMapper mapper = ApiClient.newObjectMapper();
    private final List<SpecExampleCatalog.Example> examples = new SpecExampleCatalog().examples();

    @TestFactory
    Stream<DynamicTest> everySpecExampleDeserializesIntoItsModelAndSerializesBackUnchanged() {
        assertThat(examples).hasSizeGreaterThan(60);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
            JavaType type = mapper.constructType(modelTypeOf(example));

            Object model = mapper.treeToValue(example.json(), type);
            JsonNode backAgain = mapper.readTree(mapper.writeValueAsString(model));

            assertThat(model).isNotNull();
            assertThat(backAgain).isEqualTo(example.json());
        }));
    }

    @Test
    void everySpecOperationHasOneGeneratedMethod() {
        assertThat(examples.stream().map(SpecExampleCatalog.Example::operationId).distinct())
                .allSatisfy(operationId -> assertThat(operationMethod(operationId)).isPresent());
    }

    @Test
    void unknownFieldsAndUnseenCodeValuesDoNotBreakDeserialization() throws Exception {
        String body = "{\"success\":true,\"brandNewEnvelopeField\":{\"x\":1},\"data\":[{\"id\":7,"
                + "\"code\":\"welcome\",\"status\":\"paused_by_meta\",\"category_code\":\"AUTHENTICATION\","
                + "\"parameter_format_code\":\"NAMED\",\"quality_score\":\"GREEN\"}]}";

        TemplateListResponse response = mapper.readValue(body, TemplateListResponse.class);

        Template template = response.getData().get(0);
        assertThat(template.getStatus()).isEqualTo("paused_by_meta");
        assertThat(template.getCategoryCode()).isEqualTo("AUTHENTICATION");
        assertThat(template.getParameterFormatCode()).isEqualTo("NAMED");
    }

    @Test
    void modelsIgnoreUnknownFieldsEvenWithAStrictDefaultMapper() throws Exception {
        ErrorEnvelope envelope = new ObjectMapper()
                .readValue("{\"success\":false,\"error\":\"nope\",\"traceId\":\"abc\"}", ErrorEnvelope.class);

        assertThat(envelope.getError()).isEqualTo("nope");
        assertThat(envelope.getSuccess()).isFalse();
    }

    private static Type modelTypeOf(SpecExampleCatalog.Example example) {
        if (!example.request() && !example.success()) {
            return ErrorEnvelope.class;
        }
        Method method = operationMethod(example.operationId())
                .orElseThrow(() -> new AssertionError("no generated method for " + example.operationId()));
        return example.request() ? method.getGenericParameterTypes()[method.getParameterCount() - 1]
                : method.getGenericReturnType();
    }

    private static Optional<Method> operationMethod(String operationId) {
        return APIS.stream()
                .flatMap(api -> Arrays.stream(api.getMethods()))
                .filter(method -> method.getName().equals(operationId))
                .filter(method -> Arrays.stream(method.getParameterAnnotations())
                        .flatMap(Arrays::stream)
                        .noneMatch(QueryMap.class::isInstance))
                .findFirst();
    }
}
