package io.engagive.sdk.testkit;

import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import java.util.List;
import java.util.Map;

/** Request bodies the sandbox tests send. */
final class Messages {

    private Messages() {
    }

    /** A send of the approved {@code hello_world} template with one body parameter. */
    static SendTemplateRequest helloWorld(String to) {
        return new SendTemplateRequest().to(to).contentJson(new TemplateContentJson()
                .templateName("hello_world").langCode("en_US")
                .addComponentsItem(Map.of("type", "BODY", "parameters", List.of(Map.of("type", "text", "text", "Hello")))));
    }
}
