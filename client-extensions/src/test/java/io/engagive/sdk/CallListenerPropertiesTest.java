package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.events.AttemptEvent;
import io.engagive.sdk.events.CallEvent;
import io.engagive.sdk.events.CallListener;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final CallListener recorder = new CallListener() {
        @Override
        public void attemptFinished(AttemptEvent attempt) {
            events.add(attempt);
        }

        @Override
        public void callFinished(CallEvent call) {
            events.add(call);
        }
    };

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
        events.clear();
        server.enqueue(Reply.json(status, status == 200 ? Fixtures.TEMPLATES_OK
                : "{\"success\":false,\"message\":\"bad " + token + "\"}").withHeader("X-Request-Id", "id-" + token));
        EngagiveClient engagive = Fixtures.clientFor(server, token).localTokenChecks(false)
                .retryPolicy(RetryPolicy.none()).listener(recorder).build();

        try {
            engagive.templates().listTemplates("1", null);
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageNotContaining(token);
        }

        assertThat(events).isNotEmpty();
        assertThat(events.toString()).doesNotContain(token);
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
