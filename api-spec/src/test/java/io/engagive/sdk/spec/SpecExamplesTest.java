package io.engagive.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in the spec is validated against its own schema, as the API's consumers will see it. */
class SpecExamplesTest {

    private static final String BASE_PATH = "/api/business/public";

    private final OpenAPI api = SpecFixture.resolvedModel();
    private final OpenApiInteractionValidator validator =
            OpenApiInteractionValidator.createForInlineApiSpecification(SpecFixture.specText()).build();

    @TestFactory
    Stream<DynamicTest> everyResponseExampleMatchesItsSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        forEachOperation((path, method, operation) -> operation.getResponses().forEach((status, response) ->
                examples(response.getContent() == null ? null : response.getContent().get("application/json"))
                        .forEach((name, json) -> tests.add(DynamicTest.dynamicTest(
                                operation.getOperationId() + " " + status + " " + name,
                                () -> assertValid(validator.validateResponse(concretePath(path, operation), method,
                                        SimpleResponse.Builder.status(statusOf(status))
                                                .withContentType("application/json")
                                                .withBody(json)
                                                .build())))))));
        assertThat(tests).hasSizeGreaterThan(9 * 6);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRequestExampleMatchesItsSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            if (operation.getRequestBody() == null) {
                return;
            }
            examples(operation.getRequestBody().getContent().get("application/json")).forEach((name, json) ->
                    tests.add(DynamicTest.dynamicTest(operation.getOperationId() + " request " + name,
                            () -> assertValid(validator.validateRequest(new SimpleRequest.Builder(method,
                                    BASE_PATH + concretePath(path, operation))
                                    .withContentType("application/json")
                                    .withAuthorization("Bearer header.payload.signature")
                                    .withBody(json)
                                    .build())))));
        });
        assertThat(tests).hasSize(3);
        return tests.stream();
    }

    @Test
    void theValidatorRejectsAnExampleThatBreaksItsSchema() {
        ValidationReport report = validator.validateResponse(
                "/channels/whatsapp/accounts/1/templates", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"success\":\"yes\",\"data\":{\"id\":\"not-a-number\"}}").build());

        assertThat(report.hasErrors()).isTrue();
    }

    private static void assertValid(ValidationReport report) {
        assertThat(report.getMessages())
                .as("validation messages")
                .filteredOn(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .isEmpty();
    }

    private static int statusOf(String responseKey) {
        return "default".equals(responseKey) ? 500 : Integer.parseInt(responseKey);
    }

    private void forEachOperation(OperationVisitor visitor) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                visitor.visit(path, Request.Method.valueOf(method.name()), operation)));
    }

    private String concretePath(String template, Operation operation) {
        String concrete = template;
        PathItem item = api.getPaths().get(template);
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                concrete = concrete.replace("{" + parameter.getName() + "}", String.valueOf(parameter.getExample()));
            }
        }
        return concrete;
    }

    private static Map<String, String> examples(MediaType mediaType) {
        Map<String, String> json = new java.util.TreeMap<>();
        if (mediaType == null || mediaType.getExamples() == null) {
            return json;
        }
        mediaType.getExamples().forEach((name, example) -> {
            try {
                json.put(name, Json.mapper().writeValueAsString(example.getValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("example " + name + " is not JSON", e);
            }
        });
        return json;
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String path, Request.Method method, Operation operation);
    }
}
