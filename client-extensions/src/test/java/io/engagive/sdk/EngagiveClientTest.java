package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngagiveClientTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final String token = TestTokens.valid();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readmeExampleListsTemplatesWithExactlyOneBearerHeader() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK));
        EngagiveClient engagive = EngagiveClient.builder()
                .baseUrl(server.baseUrl())
                .tokenProvider(TokenProvider.of(token))
                .build();

        TemplateListResponse templates = engagive.templates().listTemplates("1", "order");

        assertThat(templates.getData()).extracting("code").containsExactly("order_shipped");
        LoopbackServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/business/public/channels/whatsapp/accounts/1/templates");
        assertThat(request.query()).isEqualTo("search=order");
        assertThat(request.header("Authorization")).containsExactly("Bearer " + token);
        assertThat(request.headers().keySet()).noneMatch(name -> name.toLowerCase().contains("api-key")
                || name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Proxy-Authorization"));
    }

    @Test
    void sendTemplatePostsJsonAndReturnsMetasMessageId() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATE_SENT));
        EngagiveClient engagive = Fixtures.clientFor(server, token).build();

        SendTemplateResponse sent = engagive.messages().sendTemplate("1", new SendTemplateRequest()
                .to("923001234567")
                .contentJson(new TemplateContentJson().templateName("hello_world").langCode("en_US")
                        .addComponentsItem(Map.of("type", "BODY",
                                "parameters", List.of(Map.of("type", "text", "text", "Hello"))))));

        assertThat(sent.getData().getMessageType()).isEqualTo("template");
        assertThat(sent.getMetaResponse()).containsKey("messages");
        LoopbackServer.Received request = server.received().get(0);
        assertThat(request.header("Content-Type")).singleElement().asString().startsWith("application/json");
        assertThat(request.body()).contains("\"template_name\":\"hello_world\"").doesNotContain("null");
    }

    @Test
    void aBodyWithoutSuccessButWithDataIsASuccess() {
        server.enqueue(Reply.json(200, "{\"data\":[{\"code\":\"order_shipped\"}]}"));

        TemplateListResponse templates = Fixtures.clientFor(server, token).build().templates()
                .listTemplates("1", null);

        assertThat(templates.getData()).extracting("code").containsExactly("order_shipped");
        assertThat(server.received().get(0).query()).isNull();
    }

    @Test
    void withHttpInfoVariantsExposeStatusAndHeaders() {
        server.enqueue(Reply.json(201, Fixtures.TEMPLATE_SENT).withHeader("X-Request-Id", "req-9"));

        var response = Fixtures.clientFor(server, token).build().messages()
                .sendTemplateWithHttpInfo("1", new SendTemplateRequest().to("1").contentJson(new TemplateContentJson()));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsKey("x-request-id");
        assertThat(response.getData().getData().getTo()).isEqualTo("923001234567");
    }

    @Test
    void toStringShowsConfigurationButNeverTheToken() {
        EngagiveClient engagive = EngagiveClient.builder().token(token).build();

        assertThat(engagive.toString())
                .contains("https://stage.api.engagive.io/api/business/public")
                .contains("connectTimeout=PT10S").contains("readTimeout=PT30S")
                .doesNotContain(token);
        assertThat(engagive.templates().toString()).isEqualTo("Engagive TemplatesApi").doesNotContain(token);
        assertThat(TokenProvider.of(token).toString()).doesNotContain(token);
    }

    @Test
    void plainHttpIsRefusedUnlessTheHostIsLoopback() {
        assertThatThrownBy(() -> EngagiveClient.builder().baseUrl("http://stage.api.engagive.io/api").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTPS only");
        assertThatThrownBy(() -> EngagiveClient.builder().baseUrl("http://10.0.0.8/api").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngagiveClient.builder().baseUrl("ftp://example.com").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngagiveClient.builder().baseUrl("https://user:pw@example.com").build())
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(EngagiveClient.builder().baseUrl("http://localhost:8080/api").build()).isNotNull();
        assertThat(EngagiveClient.builder().baseUrl("http://127.0.0.1:8080").build()).isNotNull();
        assertThat(EngagiveClient.builder().baseUrl("http://[::1]:8080").build()).isNotNull();
    }

    @Test
    void aPathArgumentThatWouldChangeThePathIsRefusedBeforeAnythingIsSent() {
        EngagiveClient engagive = Fixtures.clientFor(server, token).build();

        assertThatThrownBy(() -> engagive.templates().getTemplate("1", "../../9/templates"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path segment").hasMessageContaining("nothing was sent");
        assertThatThrownBy(() -> engagive.templates().listTemplates("..", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engagive.templates().getTemplate(" ", "order_shipped"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void pathArgumentsAreEncoded() {
        server.enqueue(Reply.json(200, "{\"success\":true,\"data\":{\"code\":\"a b\"}}"));

        Fixtures.clientFor(server, token).build().templates().getTemplate("1", "a b?c");

        assertThat(server.received().get(0).path()).endsWith("/templates/a%20b%3Fc");
    }

    @Test
    void aMissingRequiredArgumentIsRefusedBeforeAnythingIsSent() {
        EngagiveClient engagive = Fixtures.clientFor(server, token).build();

        assertThatThrownBy(() -> engagive.templates().getTemplate("1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
        assertThat(server.received()).isEmpty();
    }
}
