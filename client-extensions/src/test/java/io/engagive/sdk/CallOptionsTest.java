package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client derived with other options changes only what it was told to, and shares the connection pool. */
class CallOptionsTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final EngagiveClient engagive = Fixtures.clientFor(server, TestTokens.valid()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDerivedClientHasItsOwnReadTimeoutWhileTheOriginalKeepsItsOwn() {
        server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK).delayedBy(400));
        EngagiveClient impatient = engagive.withOptions(options -> options.readTimeout(Duration.ofMillis(100))
                .retryPolicy(RetryPolicy.none()));

        assertThatExceptionOfType(ConnectionException.class)
                .isThrownBy(() -> impatient.templates().listTemplates("1", null))
                .withMessageContaining("timed out");
        assertThat(engagive.templates().listTemplates("1", null).getData()).hasSize(1);
    }

    @Test
    void aDerivedClientWithoutRetriesSendsOnceWhereTheOriginalRetries() {
        server.otherwise(request -> Reply.json(503, "{\"success\":false}"));

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> engagive
                .withOptions(options -> options.retryPolicy(RetryPolicy.none())).templates().listTemplates("1", null));
        assertThat(server.received()).hasSize(1);

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> engagive.templates().listTemplates("1", null));
        assertThat(server.received()).hasSize(1 + RetryPolicy.defaults().maxAttempts());
    }

    @Test
    void aDerivedClientReusesTheOriginalsConnections() {
        server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));

        engagive.templates().listTemplates("1", null);
        engagive.withOptions(options -> options.maxResponseBytes(64 * 1024)).templates().listTemplates("1", null);

        assertThat(server.received()).extracting(LoopbackServer.Received::remotePort).hasSize(2)
                .as("one keep-alive connection for both clients").containsOnly(server.received().get(0).remotePort());
    }

    @Test
    void optionsAreCheckedWhenSet() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> engagive.withOptions(options -> options.readTimeout(Duration.ZERO)));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> engagive.withOptions(options -> options.maxResponseBytes(10)));
    }
}
