package io.engagive.sdk.testkit;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.sandbox.SentMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many clients sending in parallel: every message is journaled and recorded exactly once. */
class SandboxConcurrencyTest {

    private static final int CLIENTS = 8;
    private static final int SENDS_PER_CLIENT = 60;

    @Test
    void parallelClientsLoseAndDuplicateNoMessage() throws Exception {
        try (EngagiveSandbox sandbox = EngagiveSandbox.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            Set<String> returnedIds = ConcurrentHashMap.newKeySet();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    EngagiveClient engagive = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
                            .token(sandbox.defaultUser().token()).build();
                    for (int i = 0; i < SENDS_PER_CLIENT; i++) {
                        String to = String.format("92300%03d%04d", client, i);
                        SendTemplateResponse sent = engagive.messages().sendTemplate("1", Messages.helloWorld(to));
                        returnedIds.add(sent.getMetaResponse().toString());
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            int total = CLIENTS * SENDS_PER_CLIENT;
            List<SentMessage> sent = sandbox.sentMessages();
            assertThat(sent).hasSize(total);
            assertThat(sent.stream().map(SentMessage::to).collect(Collectors.toSet())).hasSize(total);
            assertThat(sent.stream().map(SentMessage::wamid).collect(Collectors.toSet())).hasSize(total);
            assertThat(returnedIds).hasSize(total);
            assertThat(sandbox.requestsTo(Route.SEND_TEMPLATE)).isEqualTo(total);
            sandbox.assertHealthy();
        }
    }
}
