package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import io.engagive.sdk.transport.HttpTransport;
import io.engagive.sdk.transport.apache.ApacheTransport;
import io.engagive.sdk.transport.okhttp.OkHttpTransport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same calls against the sandbox on every transport a consumer can choose, each chosen with one builder line. */
@EngagiveSandboxTest
class ConsumerTransportsTest {

    static Stream<HttpTransport> transports() {
        return Stream.of(OkHttpTransport.create(), ApacheTransport.create());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void listsSendsAndRefusesAnExpiredTokenOnEachTransport(HttpTransport transport, EngagiveSandbox sandbox) {
        EngagiveClient engagive = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().token()).transport(transport).build();

        assertThat(engagive.templates().listTemplates("1", "order").getData()).isNotEmpty();
        engagive.messages().sendTemplate("1", new SendTemplateRequest().to("923001234567")
                .contentJson(new TemplateContentJson().templateName("order_shipped").langCode("en")));
        assertThat(sandbox.sentMessages()).isNotEmpty();

        EngagiveClient expired = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().expiredToken()).transport(transport).build();
        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> expired.templates().listTemplates("1", null));
    }
}
