package io.engagive.sdk.generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated jar on its own: Feign interfaces plus models over real HTTP on loopback. */
class PlainFeignUsageTest {

    private static final String LIST_BODY = "{\"success\":true,\"message\":\"Templates retrieved\",\"data\":"
            + "[{\"id\":101,\"code\":\"order_shipped\",\"name\":\"Order shipped\",\"status\":\"approved\"}]}";
    private static final String SENT_BODY = "{\"success\":true,\"message\":\"Template message sent successfully\","
            + "\"data\":{\"to\":\"923001234567\",\"message_type\":\"template\"},\"metaResponse\":{}}";

    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String baseUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void listTemplatesSendsTheSearchQueryAndDecodesTheEnvelope() {
        TemplatesApi templates = ApiClient.newFeignBuilder(ApiClient.newObjectMapper())
                .target(TemplatesApi.class, baseUrl);

        TemplateListResponse response = templates.listTemplates("1", "order ship");

        assertThat(requestLines).containsExactly(
                "GET /channels/whatsapp/accounts/1/templates?search=order%20ship");
        assertThat(response.getSuccess()).isTrue();
        assertThat(response.getData()).singleElement()
                .satisfies(template -> assertThat(template.getCode()).isEqualTo("order_shipped"));
    }

    @Test
    void anAbsentSearchLeavesTheQueryStringOut() {
        TemplatesApi templates = ApiClient.newFeignBuilder(ApiClient.newObjectMapper())
                .target(TemplatesApi.class, baseUrl);

        templates.listTemplates("1", null);

        assertThat(requestLines).containsExactly("GET /channels/whatsapp/accounts/1/templates");
    }

    @Test
    void sendTemplatePostsTheDocumentedBodyWithoutNullFields() throws IOException {
        MessagesApi messages = ApiClient.newFeignBuilder(ApiClient.newObjectMapper())
                .target(MessagesApi.class, baseUrl);
        SendTemplateRequest request = new SendTemplateRequest()
                .to("923001234567")
                .contentJson(new TemplateContentJson()
                        .templateName("hello_world")
                        .langCode("en_US")
                        .addComponentsItem(Map.of("type", "BODY",
                                "parameters", List.of(Map.of("type", "text", "text", "Hello")))));

        SendTemplateResponse response = messages.sendTemplate("1", request);

        assertThat(requestLines).containsExactly("POST /channels/whatsapp/accounts/1/messages/send-template");
        JsonNode sent = new ObjectMapper().readTree(requestBodies.get(0));
        assertThat(sent).isEqualTo(new ObjectMapper().readTree("{\"to\":\"923001234567\",\"content_json\":"
                + "{\"template_name\":\"hello_world\",\"lang_code\":\"en_US\",\"components\":[{\"type\":\"BODY\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"Hello\"}]}]}}"));
        assertThat(response.getData().getMessageType()).isEqualTo("template");
        assertThat(response.getMetaResponse()).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query));
        requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = ("POST".equals(exchange.getRequestMethod()) ? SENT_BODY : LIST_BODY)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
