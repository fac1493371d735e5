package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Received;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.RawSocketServer;
import io.engagive.sdk.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call that ends normally, with a decoded model or a typed error, leaves its connection to the
 * next call; a body is read to its declared length, however large, and a body cut short is a typed
 * error.
 */
class ConnectionReuseTest {

    private static final int CALLS = 20;

    private final LoopbackServer server = LoopbackServer.start();
    private final EngagiveClient engagive = Fixtures.clientFor(server, TestTokens.valid())
            .retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void successfulCallsOneAfterAnotherShareOneConnection() {
        server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));

        for (int i = 0; i < CALLS; i++) {
            assertThat(engagive.templates().listTemplates("1", null).getData()).isNotEmpty();
        }

        assertThat(server.received()).hasSize(CALLS).extracting(Received::remotePort).containsOnly(
                server.received().get(0).remotePort());
    }

    @Test
    void callsAnsweredWithA401OneAfterAnotherShareOneConnection() {
        server.otherwise(request -> Reply.json(401, "{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\","
                + "\"error\":\"Invalid or expired token\"}"));

        for (int i = 0; i < CALLS; i++) {
            assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", null));
        }

        assertThat(server.received()).hasSize(CALLS).extracting(Received::remotePort).containsOnly(
                server.received().get(0).remotePort());
    }

    @Test
    void aDeclaredBodyLargerThanTheEagerlyReadPartDecodesWholeAndKeepsTheConnection() {
        int templates = 25_000;
        StringBuilder body = new StringBuilder("{\"success\":true,\"message\":\"ok\",\"data\":[");
        for (int i = 0; i < templates; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"code\":\"template_").append(i)
                    .append("\",\"name\":\"A template long enough to make the body a few megabytes\"}");
        }
        String large = body.append("]}").toString();
        assertThat(large.length()).isGreaterThan(2 * 1024 * 1024);
        server.otherwise(request -> Reply.json(200, large));

        for (int i = 0; i < 2; i++) {
            assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(templates)
                    .last().satisfies(template -> assertThat(template.getCode()).isEqualTo("template_" + (templates - 1)));
        }
        assertThat(server.received()).extracting(Received::remotePort).containsOnly(server.received().get(0).remotePort());
    }

    @Test
    void aBodyThatEndsBeforeItsDeclaredLengthIsATypedErrorNotAPartialModel() {
        try (RawSocketServer raw = RawSocketServer.start(RawSocketServer.replying("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\nContent-Length: 8388608\r\n\r\n{\"success\":true,\"data\":["))) {
            EngagiveClient client = EngagiveClient.builder().baseUrl(raw.baseUrl()).token(TestTokens.valid())
                    .retryPolicy(RetryPolicy.none()).build();

            assertThatExceptionOfType(EngagiveException.class)
                    .isThrownBy(() -> client.templates().listTemplates("1", null))
                    .satisfies(error -> assertThat(error).isInstanceOfAny(ConnectionException.class,
                            UnexpectedResponseException.class));
        }
    }
}
