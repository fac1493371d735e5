package io.engagive.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.spec.EngagiveOpenApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agreement check itself: it catches a sandbox stricter than the spec, and one laxer than it. */
class SpecAgreementTest {

    private static final String SEND_TEMPLATE = "/channels/whatsapp/accounts/1/messages/send-template";
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"),
            "Authorization", List.of("Bearer a.b.c"));

    private final SpecConformance conformance = new SpecConformance("the spec", EngagiveOpenApi.text());

    @Test
    void aRefusalOfARequestTheSpecAllowsIsAViolation() {
        SpecConformance.RequestVerdict verdict = conformance.checkRequest("POST", SEND_TEMPLATE, null, JSON,
                "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"hello_world\"},\"extra\":1}");

        conformance.judge("POST", SEND_TEMPLATE, verdict, 400, "\"extra\" is not allowed");

        assertThat(verdict.problems()).isEmpty();
        assertThat(conformance.violations()).singleElement().asString()
                .contains("refused with 400", "\"extra\" is not allowed", "stricter than the spec");
    }

    @Test
    void anAcceptanceOfARequestTheSpecForbidsIsAViolation() {
        SpecConformance.RequestVerdict verdict = conformance.checkRequest("POST", SEND_TEMPLATE, null, JSON,
                "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"hello_world\",\"components\":[\"BODY\"]}}");

        conformance.judge("POST", SEND_TEMPLATE, verdict, 200, "");

        assertThat(verdict.valid()).isFalse();
        assertThat(conformance.violations()).singleElement().asString()
                .contains("accepted (answering 200)", "validation.request.body", "laxer than the spec");
    }

    @Test
    void passingOnToMetaARequestTheSpecForbidsIsAViolation() {
        SpecConformance.RequestVerdict verdict = conformance.checkRequest("POST", SEND_TEMPLATE, null, JSON,
                "{\"to\":\"12\",\"content_json\":{}}");

        conformance.judge("POST", SEND_TEMPLATE, verdict, 502, "");

        assertThat(conformance.violations()).singleElement().asString().contains("laxer than the spec");
    }

    @Test
    void theDocumentsNeverForbidUnnamedPropertiesWhichTheCheckAllows() {
        assertThat(EngagiveOpenApi.text()).doesNotContain("additionalProperties: false");
    }

    @Test
    void answersThatAgreeWithTheSpecAreNoViolation() {
        SpecConformance.RequestVerdict valid = conformance.checkRequest("POST", SEND_TEMPLATE, null, JSON,
                "{\"to\":\"923001234567\",\"content_json\":{}}");
        SpecConformance.RequestVerdict invalid = conformance.checkRequest("POST", SEND_TEMPLATE, null, JSON,
                "{\"to\":\"+92 300 1234567\",\"content_json\":{}}");

        conformance.judge("POST", SEND_TEMPLATE, valid, 502, "");
        conformance.judge("POST", SEND_TEMPLATE, invalid, 404, "Not found");
        conformance.judge("POST", SEND_TEMPLATE, valid, 200, "");
        conformance.judge("POST", SEND_TEMPLATE, invalid, 400, "\"to\" must be 7–15 digits");
        conformance.judge("POST", SEND_TEMPLATE, invalid, 401, "No Bearer token provided");

        assertThat(conformance.violations()).isEmpty();
    }
}
