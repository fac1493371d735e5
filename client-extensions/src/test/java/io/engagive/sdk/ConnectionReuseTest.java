package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Received;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call that ends normally, with a decoded model or a typed error, leaves its connection to the next call. */
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
}
