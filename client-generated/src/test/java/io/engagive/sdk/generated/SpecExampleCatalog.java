package io.engagive.sdk.generated;

import com.fasterxml.jackson.databind.JsonNode;
import io.engagive.sdk.spec.EngagiveOpenApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks the spec from the api-spec artifact and lists every example with the operation it belongs to. */
final class SpecExampleCatalog {

    /** One example: where it stands in the spec, and its JSON. */
    record Example(String operationId, String where, boolean request, boolean success, JsonNode json) {
        @Override
        public String toString() {
            return operationId + " " + where;
        }
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    SpecExampleCatalog() {
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(EngagiveOpenApi.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String operationId = operation.path("operationId").asText();
                collect(examples, operationId, "request", true, true,
                        operation.path("requestBody").path("content").path("application/json"));
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    boolean success = response.getKey().startsWith("2");
                    collect(examples, operationId, "response " + response.getKey(), false, success,
                            deref(response.getValue()).path("content").path("application/json"));
                }
            }
        }
        return examples;
    }

    private static void collect(List<Example> into, String operationId, String where, boolean request,
            boolean success, JsonNode mediaType) {
        for (Map.Entry<String, JsonNode> example : mediaType.path("examples").properties()) {
            into.add(new Example(operationId, where + " " + example.getKey(), request, success,
                    example.getValue().path("value")));
        }
    }

    private JsonNode deref(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() ? root.at(ref.asText().substring(1)) : node;
    }
}
