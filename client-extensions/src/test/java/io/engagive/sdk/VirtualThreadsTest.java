package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client runs from virtual threads without pinning their carriers: no monitor is held around I/O. */
class VirtualThreadsTest {

    @TempDir
    Path dir;

    @Test
    void noCodeOfTheClientHoldsAMonitor() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> withMonitors = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains("synchronized")).toList();
            assertThat(withMonitors).as("use a java.util.concurrent lock, which a waiting virtual thread releases")
                    .isEmpty();
        }
    }

    @Test
    void sixtyFourVirtualThreadsShareOneClientBehindABlockedTokenSourceAndNoneIsPinned() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
        String token = TestTokens.valid();
        AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
        TokenProvider blockingVault = () -> {
            awaitQuietly(gate.get());
            return token;
        };
        try (LoopbackServer server = LoopbackServer.start()) {
            server.otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));
            EngagiveClient engagive = EngagiveClient.builder().baseUrl(server.baseUrl())
                    .tokenProvider(TokenProvider.caching(blockingVault, Duration.ofNanos(1))).build();
            engagive.templates().listTemplates("1", null);
            Path events = dir.resolve("pinned.jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                recording.start();
                List<Integer> sizes = new ArrayList<>();
                List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
                CountDownLatch closed = new CountDownLatch(1);
                gate.set(closed);
                ExecutorService virtual = virtualThreadPerTask();
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    calls.add(virtual.submit(() -> {
                        threads.add(Thread.currentThread().toString());
                        return engagive.templates().listTemplates("1", null).getData().size();
                    }));
                }
                closed.countDown();
                for (Future<Integer> call : calls) {
                    sizes.add(call.get());
                }
                virtual.shutdown();
                recording.stop();
                recording.dump(events);
                assertThat(sizes).hasSize(64).containsOnly(1);
                assertThat(threads).hasSize(64).allSatisfy(thread -> assertThat(thread).startsWith("VirtualThread"));
            }
            List<RecordedEvent> pinnedInTheClient = RecordingFile.readAllEvents(events).stream()
                    .filter(VirtualThreadsTest::inTheClient).toList();
            assertThat(pinnedInTheClient).as("virtual threads pinned to their carrier by the client's code").isEmpty();
        }
    }

    /** A pin whose stack passes through the client (not the JDK's class loading for a test library, say). */
    private static boolean inTheClient(RecordedEvent pinned) {
        return pinned.getStackTrace() != null && pinned.getStackTrace().getFrames().stream()
                .map(frame -> frame.getMethod().getType().getName())
                .anyMatch(type -> type.startsWith("io.engagive.sdk.") && !type.startsWith("io.engagive.sdk.VirtualThreads"));
    }

    /** Java 21's {@code Executors.newVirtualThreadPerTaskExecutor()}, called reflectively: this module compiles for 17. */
    private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    /** The vault's answer waits until the test opens the gate: every virtual thread queues on the provider's lock. */
    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
