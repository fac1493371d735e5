package io.engagive.sdk.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sandbox's admin API over HTTP, the same for an embedded sandbox and for {@code sandbox serve}. */
final class SandboxAdmin {

    /** A process's figures after a garbage collection. */
    record Figures(long heapBytes, int threads, long descriptors) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminUrl;

    SandboxAdmin(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    String baseUrl() {
        return call("GET", "/health", null).path("base_url").asText();
    }

    /** Mints a token of the default user: {@code valid}, {@code expired} or {@code bad_signature}. */
    String token(String kind) {
        return call("POST", "/tokens", "{\"kind\":\"" + kind + "\"}").path("token").asText();
    }

    void inject(String operation, String fault, int times) {
        call("POST", "/faults", "{\"operation\":\"" + operation + "\",\"fault\":" + fault + ",\"times\":" + times + "}");
    }

    void clearFaults() {
        call("DELETE", "/faults", null);
    }

    /** The recipients of the messages sent since the last take. */
    List<String> takeSentRecipients() {
        List<String> recipients = new ArrayList<>();
        call("POST", "/sent-messages/take", null).forEach(message -> recipients.add(message.path("to").asText()));
        return recipients;
    }

    Figures figures() {
        JsonNode figures = call("GET", "/process", null);
        return new Figures(figures.path("heap_used_bytes").asLong(), figures.path("threads").asInt(),
                figures.path("open_file_descriptors").asLong());
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        call("GET", "/spec-violations", null).path("violations").forEach(problem -> problems.add(problem.asText()));
        return problems;
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("admin " + method + " " + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("admin " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
