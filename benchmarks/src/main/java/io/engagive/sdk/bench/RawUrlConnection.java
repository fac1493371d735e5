package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.generated.model.TemplateListResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The fastest raw floor: one list-templates call over the JDK's {@link HttpURLConnection} (its
 * keep-alive pool), the response stream read straight into Jackson — no copy of the body.
 */
final class RawUrlConnection {

    private RawUrlConnection() {
    }

    static TemplateListResponse listTemplates(String baseUrl, String account, ObjectMapper mapper) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(
                baseUrl + "/channels/whatsapp/accounts/" + account + "/templates").toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + LoopbackApi.TOKEN);
        connection.setRequestProperty("Accept", "application/json");
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        try (InputStream body = connection.getInputStream()) {
            return mapper.readValue(body, TemplateListResponse.class);
        }
    }
}
