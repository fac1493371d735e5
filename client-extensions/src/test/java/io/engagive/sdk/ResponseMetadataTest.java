package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.generated.model.ApiResponse;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.ProjectVersion;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What travels besides the body: the User-Agent the client sends, and the status, headers and request id of a success. */
class ResponseMetadataTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final String token = TestTokens.valid();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSuccessCarriesItsStatusHeadersAndRequestIdWithTheTypedBody() {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK).withHeader("X-Request-Id", "req-ok-1"));

        ApiResponse<TemplateListResponse> response = Fixtures.clientFor(server, token).build().templates()
                .listTemplatesWithHttpInfo("1", "order");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("x-request-id")).containsExactly("req-ok-1");
        assertThat(response.getData().getData()).singleElement()
                .satisfies(template -> assertThat(template.getCode()).isEqualTo("order_shipped"));
    }

    @Test
    void theTwinWithHttpInfoFailsWithTheSameTypedErrors() {
        server.enqueue(Reply.json(404, "{\"success\":false,\"message\":\"Template not found\"}"));

        assertThatExceptionOfType(NotFoundException.class)
                .isThrownBy(() -> Fixtures.clientFor(server, token).build().templates()
                        .getTemplateWithHttpInfo("1", "nope"));
    }

    @Test
    void everyRequestSaysWhichClientAndJavaSentIt() throws IOException {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK));

        Fixtures.clientFor(server, token).build().templates().listTemplates("1", null);

        assertThat(server.received().get(0).header("User-Agent")).containsExactly("engagive-java/" + ProjectVersion.read()
                + " (Java " + System.getProperty("java.version") + ")");
    }

    @Test
    void theCallerCanNameItsApplicationBeforeTheClient() throws IOException {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK));

        Fixtures.clientFor(server, token).appInfo("orders-service", "1.4.2").build().templates().listTemplates("1", null);

        assertThat(server.received().get(0).header("User-Agent")).singleElement().asString()
                .startsWith("orders-service/1.4.2 engagive-java/" + ProjectVersion.read() + " (Java ");
    }

    @Test
    void anApplicationNameThatCannotBeInAUserAgentIsRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> EngagiveClient.builder().appInfo("orders service", "1.0"))
                .withMessageContaining("no spaces");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> EngagiveClient.builder().appInfo("orders", "1.0\r\nX-Evil: 1"));
    }
}
