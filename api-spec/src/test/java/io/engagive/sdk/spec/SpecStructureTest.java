package io.engagive.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SpecStructureTest {

    private final OpenAPI api = SpecFixture.resolvedModel();

    @Test
    void specParsesWithoutStructuralErrors() {
        SwaggerParseResult result = SpecFixture.parse(false);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0.");
    }

    @Test
    void serversAreTheHttpsStageBaseOnly() {
        assertThat(api.getServers())
                .extracting(server -> server.getUrl())
                .containsExactly("https://stage.api.engagive.io/api/business/public");
    }

    @Test
    void bearerJwtSchemeStatesTheDocumentedTokenRules() {
        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("bearerAuth");

        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(scheme.getScheme()).isEqualTo("bearer");
        assertThat(scheme.getBearerFormat()).isEqualTo("JWT");
        assertThat(scheme.getDescription())
                .contains("Profile → API access token")
                .contains("**7, 30,")
                .contains("90, 180 or 365 days**")
                .contains("**401**")
                .contains("organisation")
                .contains("`accountId` rule")
                .contains("403 or an error body")
                .contains("x-required-permission");
    }

    @Test
    void everyDocumentedEndpointIsDescribedOnce() {
        assertThat(operations().keySet()).containsExactlyInAnyOrder(
                "listTemplates", "getTemplate", "listTemplateCategories", "listCategoryOptions",
                "listContentLanguages", "listTemplateContents", "sendTemplate", "sendReaction", "sendSingle");
    }

    /**
     * The test's oracle, not a rule of the product: the permission each documented operation needs,
     * as ../shared/engagive-api.md restates the Engagive docs. The spec must say the same.
     */
    private static final Map<String, String> DOCUMENTED_PERMISSIONS = Map.of(
            "listTemplates", "WhatsApp Templates — View", "getTemplate", "WhatsApp Templates — View",
            "listTemplateCategories", "WhatsApp Templates — View", "listCategoryOptions", "WhatsApp Templates — View",
            "listContentLanguages", "WhatsApp Templates — View", "listTemplateContents", "WhatsApp Templates — View",
            "sendTemplate", "WhatsApp Chats — Add", "sendReaction", "WhatsApp Chats — Add",
            "sendSingle", "WhatsApp Chats — Add");

    @Test
    void everyOperationDeclaresBearerAuthItselfAndTheDocumentedPermission() {
        operations().forEach((id, operation) -> {
            assertThat(operation.getSecurity()).as(id).containsExactly(new SecurityRequirement().addList("bearerAuth"));
            String permission = (String) operation.getExtensions().get("x-required-permission");
            assertThat(permission).as(id).isEqualTo(DOCUMENTED_PERMISSIONS.get(id));
            assertThat(operation.getDescription()).as(id).contains(permission);
        });
    }

    @Test
    void everyOperationHasItsTagSummaryAndSharedErrorResponses() {
        Set<String> tags = new TreeSet<>();
        operations().forEach((id, operation) -> {
            assertThat(operation.getTags()).as(id).hasSize(1);
            tags.addAll(operation.getTags());
            assertThat(operation.getSummary()).as(id).isNotBlank();
            assertThat(operation.getResponses()).as(id)
                    .containsKeys("400", "401", "403", "404", "502", "default");
        });
        assertThat(tags).containsExactlyInAnyOrder("Templates", "Template lookups", "Template contents", "Messages");
    }

    @Test
    void unknownsAreFlaggedInsteadOfInvented() {
        Operation sendSingle = operations().get("sendSingle");

        assertThat(sendSingle.getDescription()).contains("[UNKNOWN]").contains("free-form JSON");
        Schema<?> envelope = api.getComponents().getSchemas().get("Envelope");
        Schema<?> pagination = envelope.getProperties().get("pagination");
        assertThat(pagination.getDescription()).contains("[UNKNOWN]");
        assertThat(api.getComponents().getSchemas().get("ErrorEnvelope").getDescription())
                .contains("403 or error body").contains("[UNKNOWN]");
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> byId = new LinkedHashMap<>();
        api.getPaths().values().forEach(item -> item.readOperations()
                .forEach(operation -> assertThat(byId.put(operation.getOperationId(), operation)).isNull()));
        return byId;
    }
}
