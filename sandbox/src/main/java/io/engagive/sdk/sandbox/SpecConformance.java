package io.engagive.sdk.sandbox;

import io.engagive.sdk.spec.EngagiveOpenApi;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Validates every response the sandbox sends as the API against the OpenAPI spec from the
 * {@code engagive-api-spec} artifact, and keeps the violations.
 */
final class SpecConformance {

    private final OpenApiInteractionValidator validator;
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    SpecConformance() {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(EngagiveOpenApi.text()).build();
    }

    void check(String method, String apiPath, int status, Map<String, String> headers, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator.validateResponse(apiPath, Request.Method.valueOf(method), response.build());
        List<String> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.toList());
        if (!errors.isEmpty()) {
            violations.add(method + " " + apiPath + " -> " + status + " did not match the spec: " + String.join("; ", errors));
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void clear() {
        violations.clear();
    }
}
