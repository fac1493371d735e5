package io.engagive.sdk.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample application starts, sends a template through the sandbox and serves its health endpoint over HTTP. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "engagive.account=1"})
class SampleApplicationTest {

    private static final EngagiveSandbox SANDBOX = EngagiveSandbox.start();
    private static final String TOKEN = SANDBOX.defaultUser().token();

    @Autowired
    private EngagiveClient engagive;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void engagive(DynamicPropertyRegistry registry) {
        registry.add("engagive.base-url", SANDBOX::baseUrl);
        registry.add("engagive.token.value", () -> TOKEN);
    }

    @AfterAll
    static void stop() {
        SANDBOX.close();
    }

    @Test
    void sendsATemplateThroughTheSandboxAndServesItsHealth() throws Exception {
        engagive.messages().sendTemplate("1", new SendTemplateRequest().to("923001234567")
                .contentJson(new TemplateContentJson().templateName("hello_world").langCode("en_US")));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(SANDBOX.sentMessages()).singleElement().satisfies(message -> assertThat(message.to())
                .isEqualTo("923001234567"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"engagive\"", "\"daysToExpiry\"", "\"status\":\"UP\"")
                .doesNotContain(TOKEN);
        SANDBOX.assertHealthy();
    }
}
