package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import org.junit.jupiter.api.Test;

/** The jars as a consumer gets them from the BOM: a client built by hand against the test kit's sandbox. */
@EngagiveSandboxTest
class ConsumerSmokeTest {

    @Test
    void aClientBuiltAsTheReadmeSaysListsTheSandboxsTemplates(EngagiveSandbox sandbox) {
        EngagiveClient engagive = EngagiveClient.builder()
                .baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().token())
                .build();

        TemplateListResponse templates = engagive.templates().listTemplates("1", "order");

        assertThat(templates.getData()).isNotEmpty()
                .allSatisfy(template -> assertThat(template.getCode()).contains("order"));
    }
}
