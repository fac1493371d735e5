package io.engagive.sdk.contract;

import static io.engagive.sdk.contract.Contract.ACCOUNT;
import static io.engagive.sdk.contract.Contract.BEARER_JWT;
import static io.engagive.sdk.contract.Contract.EXAMPLE_BEARER;
import static io.engagive.sdk.contract.Contract.FOREIGN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.EngagiveClientBuilder;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.MetaErrorReason;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import io.engagive.sdk.generated.model.Template;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What our client sends and what it does with each answer, written as V4 pacts to
 * {@code target/pacts}: the happy paths, every 401 and 403 case, the "403 or error body"
 * variant, 404, 400 and a Meta 502. Each test drives the real client and checks its typed result.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class EngagiveConsumerPactTest {

    private static final String TEMPLATES = ACCOUNT + "/templates";
    private static final String SEND_TEMPLATE = ACCOUNT + "/messages/send-template";
    private static final String SEND_REACTION = ACCOUNT + "/messages/send-reaction";
    private static final String JSON = "application/json(;.*)?";

    // ---- success -------------------------------------------------------------------------

    @Pact(consumer = Contract.CONSUMER)
    V4Pact listTemplates(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.TEMPLATES_EXIST).uponReceiving("a request to list the templates")
                .path(TEMPLATES).method("GET"), "token")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(success("Templates retrieved", body -> body.minArrayLike("data", 1, this::template)))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listTemplates")
    void listsTemplates(MockServer server) {
        TemplateListResponse templates = client(server).templates().listTemplates("1", null);

        assertThat(templates.getSuccess()).isTrue();
        assertThat(templates.getData()).isNotEmpty().allSatisfy(this::isDocumentedTemplate);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact searchTemplates(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.TEMPLATES_EXIST).uponReceiving("a request to search the templates")
                .path(TEMPLATES).method("GET").query("search=order"), "token")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(success("Templates retrieved", body -> body.minArrayLike("data", 1, template -> {
                    template(template);
                    template.stringMatcher("code", ".*order.*", "order_shipped");
                })))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "searchTemplates")
    void searchesTemplates(MockServer server) {
        TemplateListResponse templates = client(server).templates().listTemplates("1", "order");

        assertThat(templates.getData()).extracting(Template::getCode).allMatch(code -> code.contains("order"));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact getTemplate(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.TEMPLATES_EXIST).uponReceiving("a request for one template")
                .path(TEMPLATES + "/order_shipped").method("GET"), "token")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(success("Template retrieved", body -> body.object("data", template -> {
                    template(template);
                    template.stringValue("code", "order_shipped");
                })))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "getTemplate")
    void getsATemplate(MockServer server) {
        Template template = client(server).templates().getTemplate("1", "order_shipped").getData();

        assertThat(template.getCode()).isEqualTo("order_shipped");
        isDocumentedTemplate(template);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact sendTemplate(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.USER_MAY_SEND).uponReceiving("a template message to send")
                .path(SEND_TEMPLATE).method("POST")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(templateMessage("923001234567")), "token")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(success("Template message sent successfully", body -> {
                    body.object("data", data -> data.stringType("to", "923001234567")
                            .stringValue("message_type", "template"));
                    body.object("metaResponse", meta -> meta.minArrayLike("messages", 1,
                            message -> message.stringMatcher("id", "wamid\\..+", "wamid.HBgMOTIzMDAxMjM0NTY3")));
                }))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sendTemplate")
    void sendsATemplate(MockServer server) {
        SendTemplateResponse sent = client(server).messages().sendTemplate("1", helloWorld("923001234567"));

        assertThat(sent.getData().getMessageType()).isEqualTo("template");
        assertThat(sent.getMetaResponse()).containsKey("messages");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact sendReaction(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.USER_MAY_SEND).uponReceiving("a reaction to send")
                .path(SEND_REACTION).method("POST")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.stringMatcher("to", "\\d{7,15}", "923001234567")
                        .stringMatcher("whatsapp_message_id", "wamid\\..+", "wamid.HBgM")
                        .stringType("emoji", "👍")).build()), "token")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(success("Reaction sent", body -> body.object("data")))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "sendReaction")
    void sendsAReaction(MockServer server) {
        var sent = client(server).messages().sendReaction("1",
                new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.HBgM").emoji("👍"));

        assertThat(sent.getSuccess()).isTrue();
    }

    // ---- 401 -----------------------------------------------------------------------------

    @Pact(consumer = Contract.CONSUMER)
    V4Pact noAuthorizationHeader(PactDslWithProvider builder) {
        return builder.given(Contract.NO_STATE).uponReceiving("a request without an Authorization header")
                .path(TEMPLATES).method("GET")
                .willRespondWith().status(401).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(401, "(?i).*(no|missing).*(bearer|token).*", "No Bearer token provided"))
                .toPact(V4Pact.class);
    }

    /** Our client never sends a request without the header; the contract pins what it does with the answer. */
    @Test
    @PactTestFor(pactMethod = "noAuthorizationHeader")
    void aMissingHeaderIsAMissingTokenError(MockServer server) {
        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> client(server).templates().listTemplates("1", null));

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.MISSING_TOKEN);
        assertThat(error.httpStatus()).hasValue(401);
        assertThat(error.sentToServer()).isTrue();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact malformedAuthorizationHeader(PactDslWithProvider builder) {
        return builder.given(Contract.NO_STATE).uponReceiving("a request whose Authorization header is not a bearer token")
                .path(TEMPLATES).method("GET")
                .matchHeader("Authorization", ".+", "Token not-a-bearer-credential")
                .willRespondWith().status(401).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(401, "(?i).*malformed.*", "Malformed Authorization header"))
                .toPact(V4Pact.class);
    }

    /** Our client refuses malformed tokens locally, so it is the provider's answer that is contracted here. */
    @Test
    @PactTestFor(pactMethod = "malformedAuthorizationHeader")
    void aMalformedHeaderIsAMalformedTokenError(MockServer server) {
        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> client(server).templates().listTemplates("1", null));

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.MALFORMED_TOKEN);
        assertThat(error.getMessage()).contains("Profile → API access token");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact expiredToken(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.TOKEN_EXPIRED).uponReceiving("a request with an expired token")
                .path(TEMPLATES).method("GET"), "expiredToken")
                .willRespondWith().status(401).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(401, "(?i).*expired.*", "Token expired"))
                .toPact(V4Pact.class);
    }

    /** With local checks on, an expired JWT never leaves the client (see LocalRefusalTest); here its expiry is hidden from it. */
    @Test
    @PactTestFor(pactMethod = "expiredToken")
    void anExpiredTokenIsAnExpiredTokenError(MockServer server) {
        EngagiveClient blind = clientBuilder(server, Contract.consumerToken(Instant.now().minusSeconds(3600)))
                .localTokenChecks(false).build();

        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> blind.templates().listTemplates("1", null));

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.EXPIRED_TOKEN);
        assertThat(error.httpStatus()).hasValue(401);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact badSignature(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.TOKEN_BAD_SIGNATURE)
                .uponReceiving("a request with a token whose signature is wrong")
                .path(TEMPLATES).method("GET"), "badToken")
                .willRespondWith().status(401).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(401, "(?i).*invalid.*", "Invalid token signature"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void aBadSignatureIsAnInvalidTokenError(MockServer server) {
        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> client(server).templates().listTemplates("1", null));

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.INVALID_TOKEN);
    }

    // ---- 403 -----------------------------------------------------------------------------

    @Pact(consumer = Contract.CONSUMER)
    V4Pact wrongAccount(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.ACCOUNT_NOT_ALLOWED)
                .uponReceiving("a request for an account the user may not use")
                .path(FOREIGN_ACCOUNT + "/templates").method("GET"), "token")
                .willRespondWith().status(403).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(403, "(?i).*not allowed.*account.*", "You are not allowed to use this account"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongAccount")
    void aWrongAccountIsAnAccountPermissionError(MockServer server) {
        PermissionException error = catchThrowableOfType(PermissionException.class,
                () -> client(server).templates().listTemplates("9", null));

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
        assertThat(error.httpStatus()).hasValue(403);
        assertThat(error.path()).isEqualTo("/channels/whatsapp/accounts/9/templates");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact wrongAccountAsErrorBody(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.ACCOUNT_REFUSED_WITH_ERROR_BODY)
                .uponReceiving("a request for an account the user may not use, refused with an error body")
                .path(FOREIGN_ACCOUNT + "/templates").method("GET"), "token")
                .willRespondWith().status(400).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.booleanValue("success", false)
                        .stringType("message", "Forbidden")
                        .stringMatcher("error", "(?i).*not allowed.*account.*", "You are not allowed to use this account"))
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongAccountAsErrorBody")
    void aWrongAccountAsAnErrorBodyIsTheSamePermissionError(MockServer server) {
        PermissionException error = catchThrowableOfType(PermissionException.class,
                () -> client(server).templates().listTemplates("9", null));

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
        assertThat(error.httpStatus()).hasValue(400);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact wrongAccountAsErrorBodyOnSuccessStatus(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.ACCOUNT_REFUSED_ON_SUCCESS_STATUS)
                .uponReceiving("a request for an account the user may not use, refused with an error body on 200")
                .path(FOREIGN_ACCOUNT + "/templates").method("GET"), "token")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.booleanValue("success", false)
                        .stringType("message", "Forbidden")
                        .stringMatcher("error", "(?i).*not allowed.*account.*", "You are not allowed to use this account"))
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "wrongAccountAsErrorBodyOnSuccessStatus")
    void aWrongAccountAsAnErrorBodyOnASuccessStatusIsTheSamePermissionError(MockServer server) {
        PermissionException error = catchThrowableOfType(PermissionException.class,
                () -> client(server).templates().listTemplates("9", null));

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.ACCOUNT_NOT_ALLOWED);
        assertThat(error.httpStatus()).hasValue(200);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact lacksTemplatesView(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.LACKS_TEMPLATES_VIEW)
                .uponReceiving("a template list by a user without WhatsApp Templates — View")
                .path(TEMPLATES).method("GET"), "token")
                .willRespondWith().status(403).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(403, ".*WhatsApp Templates — View.*", "Missing permission: WhatsApp Templates — View"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "lacksTemplatesView")
    void aMissingViewPermissionIsAPermissionError(MockServer server) {
        PermissionException error = catchThrowableOfType(PermissionException.class,
                () -> client(server).templates().listTemplates("1", null));

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.PERMISSION_MISSING);
        assertThat(error.requiredPermission()).isEqualTo("WhatsApp Templates — View");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact lacksChatsAdd(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.LACKS_CHATS_ADD)
                .uponReceiving("a template send by a user without WhatsApp Chats — Add")
                .path(SEND_TEMPLATE).method("POST")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(templateMessage("923001234567")), "token")
                .willRespondWith().status(403).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(403, ".*WhatsApp Chats — Add.*", "Missing permission: WhatsApp Chats — Add"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "lacksChatsAdd")
    void aMissingSendPermissionIsAPermissionError(MockServer server) {
        PermissionException error = catchThrowableOfType(PermissionException.class,
                () -> client(server).messages().sendTemplate("1", helloWorld("923001234567")));

        assertThat(error.reason()).isEqualTo(PermissionException.Reason.PERMISSION_MISSING);
        assertThat(error.requiredPermission()).isEqualTo("WhatsApp Chats — Add");
        assertThat(error.method()).isEqualTo("POST");
    }

    // ---- 404, 400, 502 ---------------------------------------------------------------------

    @Pact(consumer = Contract.CONSUMER)
    V4Pact unknownTemplate(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.TEMPLATES_EXIST).uponReceiving("a request for a template that does not exist")
                .path(TEMPLATES + "/no_such_template").method("GET"), "token")
                .willRespondWith().status(404).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(404, "(?i).*template.*", "No template with code no_such_template"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownTemplate")
    void anUnknownTemplateIsNotFound(MockServer server) {
        NotFoundException error = catchThrowableOfType(NotFoundException.class,
                () -> client(server).templates().getTemplate("1", "no_such_template"));

        assertThat(error.httpStatus()).hasValue(404);
        assertThat(error.path()).isEqualTo("/channels/whatsapp/accounts/1/templates/no_such_template");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact invalidSendBody(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.USER_MAY_SEND).uponReceiving("a template send with an invalid recipient")
                .path(SEND_TEMPLATE).method("POST")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.stringValue("to", "+92 300")
                        .object("content_json", content -> content.stringValue("template_name", "hello_world")
                                .stringValue("lang_code", "en_US"))).build()), "token")
                .willRespondWith().status(400).matchHeader("Content-Type", JSON, "application/json")
                .body(failure(400, "(?i).*\"?to\"?.*", "\"to\" must be 7-15 digits"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "invalidSendBody")
    void anInvalidBodyIsAnInvalidRequest(MockServer server) {
        SendTemplateRequest invalid = new SendTemplateRequest().to("+92 300")
                .contentJson(new TemplateContentJson().templateName("hello_world").langCode("en_US"));

        InvalidRequestException error = catchThrowableOfType(InvalidRequestException.class,
                () -> client(server).messages().sendTemplate("1", invalid));

        assertThat(error.httpStatus()).hasValue(400);
        assertThat(error.envelope()).hasValueSatisfying(envelope -> assertThat(envelope.success()).contains(false));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact metaFailure(PactDslWithProvider builder) {
        return withToken(builder.given(Contract.META_REJECTS_NEXT_SEND).uponReceiving("a template send that Meta rejects")
                .path(SEND_TEMPLATE).method("POST")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(templateMessage("923001234567")), "token")
                .willRespondWith().status(502).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> body.booleanValue("success", false)
                        .integerType("statusCode", 502)
                        .stringType("message", "WhatsApp API request failed")
                        .object("metaResponse", meta -> meta.object("error", error -> error
                                .stringType("message", "(#131026) Message Undeliverable")
                                .stringType("type", "OAuthException")
                                .numberValue("code", 131026)
                                .object("error_data", data -> data.stringType("details", "Message undeliverable"))
                                .stringType("fbtrace_id", "AbCdEfGhIjK")))).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "metaFailure")
    void aMetaFailureIsAnUpstreamErrorWithMetasTypedReason(MockServer server) {
        UpstreamException error = catchThrowableOfType(UpstreamException.class,
                () -> client(server).messages().sendTemplate("1", helloWorld("923001234567")));

        assertThat(error.httpStatus()).hasValue(502);
        assertThat(error.metaError()).hasValueSatisfying(meta -> {
            assertThat(meta.code()).contains(131026L);
            assertThat(meta.reason()).isEqualTo(MetaErrorReason.UNDELIVERABLE);
            assertThat(meta.fbtraceId()).isPresent();
        });
        assertThat(error.isTransient()).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static PactDslRequestWithPath withToken(PactDslRequestWithPath request, String stateValue) {
        return request.matchHeader("Authorization", BEARER_JWT, EXAMPLE_BEARER)
                .headerFromProviderState("Authorization", "Bearer ${" + stateValue + "}", EXAMPLE_BEARER);
    }

    private void template(LambdaDslObject template) {
        template.integerType("id", 101)
                .stringType("code", "order_shipped")
                .stringType("name", "Order shipped")
                .stringType("category_code", "UTILITY")
                .stringType("option_code", "STANDARD")
                .stringType("parameter_format_code", "POSITIONAL")
                .stringType("status", "approved");
    }

    private void isDocumentedTemplate(Template template) {
        assertThat(template.getId()).isNotNull();
        assertThat(List.of(template.getCode(), template.getName(), template.getCategoryCode(), template.getOptionCode(),
                template.getParameterFormatCode(), template.getStatus())).doesNotContainNull();
    }

    private static DslPart success(String message, Consumer<LambdaDslObject> data) {
        return LambdaDsl.newJsonBody(body -> {
            body.booleanValue("success", true).stringType("message", message);
            data.accept(body);
        }).build();
    }

    private static DslPart failure(int status, String errorPattern, String errorExample) {
        return LambdaDsl.newJsonBody(body -> body.booleanValue("success", false)
                .integerType("statusCode", status)
                .stringType("message", status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : "Request failed")
                .stringMatcher("error", errorPattern, errorExample)).build();
    }

    private static DslPart templateMessage(String to) {
        return LambdaDsl.newJsonBody(body -> body.stringMatcher("to", "\\d{7,15}", to)
                .object("content_json", content -> content.stringValue("template_name", "hello_world")
                        .stringValue("lang_code", "en_US")
                        .minArrayLike("components", 1, component -> component.stringType("type", "BODY")
                                .minArrayLike("parameters", 1, parameter -> parameter.stringType("type", "text")
                                        .stringType("text", "Hello"))))).build();
    }

    static SendTemplateRequest helloWorld(String to) {
        return new SendTemplateRequest().to(to).contentJson(new TemplateContentJson().templateName("hello_world")
                .langCode("en_US").addComponentsItem(Map.of("type", "BODY",
                        "parameters", List.of(Map.of("type", "text", "text", "Hello")))));
    }

    private static EngagiveClient client(MockServer server) {
        return clientBuilder(server, Contract.consumerToken(Instant.now().plus(Duration.ofDays(30)))).build();
    }

    private static EngagiveClientBuilder clientBuilder(MockServer server, String token) {
        return EngagiveClient.builder()
                .baseUrl(server.getUrl() + Contract.BASE_PATH)
                .token(token)
                .retryPolicy(RetryPolicy.none());
    }
}
