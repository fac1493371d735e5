package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.sandbox.SentMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import io.engagive.sdk.generated.model.TemplateContentJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every documented endpoint through the real client against the sandbox, with spec conformance checked after each test. */
@EngagiveSandboxTest
class SandboxApiTest {

    @Test
    void listTemplatesFiltersBySearch(EngagiveClient engagive) {
        assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(4);
        assertThat(engagive.templates().listTemplates("1", "order").getData())
                .extracting("code").containsExactly("order_shipped");
    }

    @Test
    void getTemplateReturnsTheDocumentedFields(EngagiveClient engagive) {
        var template = engagive.templates().getTemplate("1", "order_shipped").getData();

        assertThat(template.getId()).isEqualTo(101L);
        assertThat(template.getCategoryCode()).isEqualTo("UTILITY");
        assertThat(template.getOptionCode()).isEqualTo("STANDARD");
        assertThat(template.getParameterFormatCode()).isEqualTo("POSITIONAL");
        assertThat(template.getStatus()).isEqualTo("approved");
    }

    @Test
    void anUnknownTemplateIsNotFound(EngagiveClient engagive) {
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> engagive.templates().getTemplate("1", "no_such_template")).httpStatus()).hasValue(404);
    }

    @Test
    void lookupsReturnCodesWithLabels(EngagiveClient engagive) {
        assertThat(engagive.templateLookups().listTemplateCategories("1").getData())
                .extracting("code").contains("MARKETING", "UTILITY");
        assertThat(engagive.templateLookups().listCategoryOptions("1", "MARKETING").getData())
                .extracting("code").contains("STANDARD");
        assertThat(engagive.templateContents().listContentLanguages("1", "order_shipped").getData())
                .extracting("code").contains("en", "en_US");
    }

    @Test
    void contentsAreListedAndSearchable(EngagiveClient engagive) {
        assertThat(engagive.templateContents().listTemplateContents("1", "order_shipped", null).getData())
                .extracting("langCode").containsExactly("en", "en_US");
        assertThat(engagive.templateContents().listTemplateContents("1", "order_shipped", "en_US").getData())
                .extracting("langCode").containsExactly("en_US");
    }

    @Test
    void sendTemplateIsRecordedWithAWhatsAppMessageId(EngagiveClient engagive, EngagiveSandbox sandbox) {
        SendTemplateResponse sent = engagive.messages().sendTemplate("1", Messages.helloWorld("923001234567"));

        assertThat(sent.getData().getMessageType()).isEqualTo("template");
        assertThat(sandbox.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo("923001234567");
            assertThat(message.type()).isEqualTo("template");
            assertThat(message.wamid()).startsWith("wamid.");
            assertThat(sent.getMetaResponse().toString()).contains(message.wamid());
        });
    }

    @Test
    void aTemplateMetaDoesNotKnowIsAnUpstreamError(EngagiveClient engagive, EngagiveSandbox sandbox) {
        SendTemplateRequest unknown = Messages.helloWorld("923001234567");
        unknown.getContentJson().setTemplateName("never_approved");

        UpstreamException error = catchThrowableOfType(UpstreamException.class,
                () -> engagive.messages().sendTemplate("1", unknown));

        assertThat(error.metaResponse()).hasValueSatisfying(meta ->
                assertThat(meta.at("/error/code").asInt()).isEqualTo(132001));
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void anInvalidSendBodyIsABadRequest(EngagiveClient engagive, EngagiveSandbox sandbox) {
        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class,
                () -> engagive.messages().sendTemplate("1", Messages.helloWorld("+92 300")));

        assertThat(error.getMessage()).contains("\"to\" must be 7–15 digits");
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void sendReactionAndSendSingleAreRecorded(EngagiveClient engagive, EngagiveSandbox sandbox) {
        engagive.messages().sendReaction("1", new SendReactionRequest().to("923001234567")
                .whatsappMessageId("wamid.HBgM").emoji("👍"));
        engagive.messages().sendSingle("1", Map.of("to", "923001234567", "type", "text",
                "text", Map.of("body", "Your order has shipped.")));

        assertThat(sandbox.sentMessages()).extracting(SentMessage::type).containsExactly("reaction", "text");
        assertThat(sandbox.requestsTo(Route.SEND_REACTION)).isEqualTo(1);
        assertThat(sandbox.requestsTo(Route.SEND_SINGLE)).isEqualTo(1);
    }
}
