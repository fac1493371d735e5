package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import io.engagive.sdk.testing.TokenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads call the API while the token file is rotated; the server (like the portal)
 * knows each new token before it lands in the file, accepts only the current and the previous
 * one (older ones get 401), and no call fails.
 */
class TokenRotationUnderLoadTest {

    private static final int THREADS = 6;
    private static final int CALLS_PER_THREAD = 150;
    private static final int ROTATIONS = 12;

    @Test
    void everyCallSucceedsWhileTheTokenFileIsRotated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        AtomicReference<String> current = new AtomicReference<>(TestTokens.valid());
        AtomicReference<String> previous = new AtomicReference<>("");
        Files.writeString(file, current.get());
        Set<String> tokensSeen = new CopyOnWriteArraySet<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> {
                String sent = request.header("Authorization").get(0).substring("Bearer ".length());
                tokensSeen.add(sent);
                return sent.equals(current.get()) || sent.equals(previous.get())
                        ? Reply.json(200, Fixtures.TEMPLATES_OK)
                        : Reply.json(401, "{\"success\":false,\"error\":\"Invalid or expired token\"}");
            });
            EngagiveClient engagive = Fixtures.clientFor(server, "x").tokenProvider(TokenProvider.fromFile(file)).build();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            CountDownLatch callersDone = new CountDownLatch(THREADS);
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                callers.add(pool.submit(() -> {
                    try {
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            try {
                                engagive.templates().listTemplates("1", "x");
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    } finally {
                        callersDone.countDown();
                    }
                }));
            }
            Future<?> rotator = pool.submit(() -> {
                for (int r = 0; r < ROTATIONS && callersDone.getCount() > 0; r++) {
                    String next = TestTokens.valid();
                    previous.set(current.getAndSet(next));
                    TokenFiles.replace(file, next);
                    Thread.sleep(40);
                }
                return null;
            });
            for (Future<?> caller : callers) {
                caller.get(2, TimeUnit.MINUTES);
            }
            rotator.get(1, TimeUnit.MINUTES);
            pool.shutdown();

            assertThat(failures).isEmpty();
            assertThat(server.received()).hasSizeGreaterThanOrEqualTo(THREADS * CALLS_PER_THREAD);
            assertThat(tokensSeen).hasSizeGreaterThan(2);
        }
    }
}
