package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.RecordingListener;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever token a server echoes in its request id or body, on whatever status, no call event carries it. */
class CallListenerPropertiesTest {

    private static LoopbackServer server;
    private final RecordingListener recorder = new RecordingListener();

    @BeforeContainer
    static void start() {
        server = LoopbackServer.start();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 100)
    void noEventCarriesTheToken(@ForAll("tokens") String token, @ForAll("statuses") int status) {
        server.reset();
        recorder.clear();
        server.enqueue(Reply.json(status, status == 200 ? Fixtures.TEMPLATES_OK
                : "{\"success\":false,\"message\":\"bad " + token + "\"}").withHeader("X-Request-Id", "id-" + token));
        EngagiveClient engagive = Fixtures.clientFor(server, token).localTokenChecks(false)
                .retryPolicy(RetryPolicy.none()).listener(recorder).build();

        try {
            engagive.templates().listTemplates("1", null);
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageNotContaining(token);
        }

        assertThat(recorder.calls()).isNotEmpty();
        assertThat(recorder.attempts() + " " + recorder.calls()).doesNotContain(token);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/")
                .ofMinLength(20).ofMaxLength(60);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 400, 401, 403, 404, 429, 500, 502, 503);
    }

}
