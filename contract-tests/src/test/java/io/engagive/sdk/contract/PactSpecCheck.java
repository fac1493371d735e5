package io.engagive.sdk.contract;

import io.engagive.sdk.spec.EngagiveOpenApi;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.HttpRequest;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.V4Interaction;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates every interaction of a pact file (request and response) against the OpenAPI spec from
 * the {@code engagive-api-spec} artifact. A request is allowed to break the spec only in the way
 * its contracted answer is about: missing or malformed credentials for a 401, an invalid body for a 400.
 */
final class PactSpecCheck {

    private final OpenApiInteractionValidator validator =
            OpenApiInteractionValidator.createForInlineApiSpecification(EngagiveOpenApi.text()).build();

    /** One interaction's problems. */
    record Finding(String interaction, String problem) {
        @Override
        public String toString() {
            return interaction + ": " + problem;
        }
    }

    List<Finding> check(File pactFile) {
        Pact pact = DefaultPactReader.INSTANCE.loadPact(pactFile);
        List<Finding> findings = new ArrayList<>();
        for (Interaction interaction : pact.getInteractions()) {
            if (!(interaction instanceof V4Interaction.SynchronousHttp)) {
                findings.add(new Finding(interaction.getDescription(), "not an HTTP interaction"));
                continue;
            }
            V4Interaction.SynchronousHttp http = (V4Interaction.SynchronousHttp) interaction;
            int status = http.getResponse().getStatus();
            ValidationReport report = validator.validate(request(http.getRequest()), response(http.getResponse()));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR && !expectedByTheContract(message, status)) {
                    findings.add(new Finding(interaction.getDescription(), message.getKey() + ": " + message.getMessage()));
                }
            }
        }
        return findings;
    }

    private static boolean expectedByTheContract(ValidationReport.Message message, int status) {
        String key = message.getKey();
        return status == 401 && key.startsWith("validation.request.security")
                || status == 400 && key.startsWith("validation.request.body");
    }

    private static Request request(HttpRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getPath());
        request.getHeaders().forEach(builder::withHeader);
        request.getQuery().forEach((name, values) -> builder.withQueryParam(name, values));
        if (request.getBody().isPresent()) {
            builder.withBody(request.getBody().valueAsString());
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response response(HttpResponse response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
        response.getHeaders().forEach(builder::withHeader);
        if (response.getBody().isPresent()) {
            builder.withBody(response.getBody().valueAsString());
        }
        return builder.build();
    }
}
