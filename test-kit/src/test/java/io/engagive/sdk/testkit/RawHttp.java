package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain java.net.http calls to a sandbox, for checking its answers from the outside without our client. */
final class RawHttp {

    /** A status and parsed JSON body. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    RawHttp(EngagiveSandbox sandbox) {
        this.baseUrl = sandbox.baseUrl();
    }

    Answer get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return send(request, authorization);
    }

    Answer post(String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, authorization);
    }

    Answer method(String method, String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                HttpRequest.BodyPublishers.noBody()), authorization);
    }

    private static JsonNode json(String body) {
        try {
            return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
        } catch (IOException notJson) {
            return MAPPER.missingNode();
        }
    }

    private Answer send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
