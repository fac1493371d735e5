package io.engagive.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.sandbox.SandboxPermission;
import io.engagive.sdk.sandbox.SandboxUser;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import org.junit.jupiter.api.Test;

@EngagiveSandboxTest
class OrderNotificationsTest {

    private static SendTemplateRequest orderShipped(String to) {
        return new SendTemplateRequest().to(to)
                .contentJson(new TemplateContentJson().templateName("order_shipped").langCode("en"));
    }

    @Test
    void sendsTheTemplateOnce(EngagiveClient engagive, EngagiveSandbox sandbox) {
        engagive.messages().sendTemplate("1", orderShipped("923001234567"));

        assertThat(sandbox.sentMessages()).singleElement()
                .satisfies(message -> assertThat(message.to()).isEqualTo("923001234567"));
        assertThat(sandbox.requestsTo(Route.SEND_TEMPLATE)).isEqualTo(1);
    }

    @Test
    void surfacesMetaFailures(EngagiveClient engagive, EngagiveSandbox sandbox) {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError());

        assertThatExceptionOfType(UpstreamException.class)
                .isThrownBy(() -> engagive.messages().sendTemplate("1", orderShipped("923001234567")))
                .satisfies(error -> assertThat(error.metaResponse()).isPresent());
        assertThat(sandbox.sentMessages()).isEmpty();
    }

    @Test
    void aUserWithoutChatsAddCannotSend(EngagiveSandbox sandbox) {
        SandboxUser viewer = sandbox.newUser("viewer").accounts("1")
                .permissions(SandboxPermission.TEMPLATES_VIEW).register();
        EngagiveClient asViewer = EngagiveClient.builder()
                .baseUrl(sandbox.baseUrl()).token(viewer.token()).build();

        assertThatExceptionOfType(PermissionException.class)
                .isThrownBy(() -> asViewer.messages().sendTemplate("1", orderShipped("923001234567")))
                .satisfies(error -> assertThat(error.requiredPermission())
                        .isEqualTo(SandboxPermission.CHATS_ADD.portalName()));
    }
}
