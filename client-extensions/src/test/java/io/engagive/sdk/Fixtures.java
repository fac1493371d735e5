package io.engagive.sdk;

import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.FakeTiming;
import io.engagive.sdk.testing.LoopbackServer;
import java.time.Duration;

/** Shared bodies and a client builder pointed at a loopback server. */
final class Fixtures {

    static final String TEMPLATES_OK = "{\"success\":true,\"message\":\"Templates retrieved\",\"data\":[{\"id\":101,"
            + "\"code\":\"order_shipped\",\"name\":\"Order shipped\",\"category_code\":\"UTILITY\",\"option_code\":"
            + "\"STANDARD\",\"parameter_format_code\":\"POSITIONAL\",\"status\":\"approved\"}]}";
    static final String TEMPLATE_SENT = "{\"success\":true,\"message\":\"Template message sent successfully\","
            + "\"data\":{\"to\":\"923001234567\",\"message_type\":\"template\"},\"metaResponse\":{\"messages\":"
            + "[{\"id\":\"wamid.HBgM\"}]}}";

    private Fixtures() {
    }

    static EngagiveClientBuilder clientFor(LoopbackServer server, String token) {
        return clientFor(server, token, new FakeTiming());
    }

    /** A client whose waits between attempts take no time and are recorded by the given timing. */
    static EngagiveClientBuilder clientFor(LoopbackServer server, String token, FakeTiming timing) {
        return EngagiveClient.builder()
                .timing(timing)
                .baseUrl(server.baseUrl())
                .token(token)
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
                        .build());
    }
}
