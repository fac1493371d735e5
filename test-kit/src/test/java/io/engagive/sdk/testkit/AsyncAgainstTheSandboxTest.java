package io.engagive.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveAsyncClient;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous view against the sandbox over real loopback sockets: a thousand calls in flight at once on a
 * bounded number of threads, and calls cancelled mid-body leave no connection open.
 */
class AsyncAgainstTheSandboxTest {

    private static final int CALLS = 1000;
    private static final int CANCELLED = 100;

    @Test
    void aThousandConcurrentCallsCompleteOnABoundedNumberOfThreads() throws Exception {
        try (EngagiveSandbox sandbox = EngagiveSandbox.builder().threads(32).start()) {
            EngagiveAsyncClient engagive = client(sandbox).async();
            engagive.templates().listTemplates("1", null).get(30, TimeUnit.SECONDS);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            long startedBefore = threads.getTotalStartedThreadCount();
            threads.resetPeakThreadCount();

            List<CompletableFuture<TemplateListResponse>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(engagive.templates().listTemplates("1", null));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

            assertThat(calls).allSatisfy(call -> assertThat(call.join().getData()).isNotEmpty());
            int peak = threads.getPeakThreadCount();
            assertThat(peak - before).as("threads added while %d calls were in flight (%d before)", CALLS, before)
                    .isLessThan(100);
            assertThat(threads.getTotalStartedThreadCount() - startedBefore)
                    .as("threads started for %d calls: none may be started per call", CALLS).isLessThan(150);
            assertThat(sandbox.requestsTo(Route.LIST_TEMPLATES)).isEqualTo(CALLS + 1);
            sandbox.assertHealthy();
        }
    }

    @Test
    void callsCancelledMidBodyLeaveNoConnectionOpen() throws Exception {
        try (EngagiveSandbox sandbox = EngagiveSandbox.builder().threads(CANCELLED + 16).start()) {
            int port = URI.create(sandbox.baseUrl()).getPort();
            sandbox.inject(Route.LIST_TEMPLATES, Fault.drippingBody(Duration.ofSeconds(2)), CANCELLED);
            // Threads enough for every call to be on the wire at once, for a transport that blocks one per call
            // (java.net.http on fewer than three CPUs, where its sendAsync would start a thread per call).
            ExecutorService wide = Executors.newFixedThreadPool(CANCELLED + 8);
            EngagiveAsyncClient engagive = client(sandbox).async(wide);

            List<CompletableFuture<TemplateListResponse>> calls = new ArrayList<>();
            for (int i = 0; i < CANCELLED; i++) {
                calls.add(engagive.templates().listTemplates("1", null));
            }
            awaitUntil(() -> sandbox.requestsTo(Route.LIST_TEMPLATES) == CANCELLED
                    && clientConnectionsTo(port) == CANCELLED, "every call's body begun");
            assertThat(calls).noneMatch(CompletableFuture::isDone);
            calls.forEach(call -> call.cancel(true));

            awaitUntil(() -> clientConnectionsTo(port) == 0, "every cancelled call's connection closed");
            assertThat(calls).allMatch(CompletableFuture::isCancelled);
            assertThat(engagive.templates().listTemplates("1", null).get(30, TimeUnit.SECONDS).getData()).isNotEmpty();
            wide.shutdown();
        }
    }

    private static EngagiveClient client(EngagiveSandbox sandbox) {
        return EngagiveClient.builder().baseUrl(sandbox.baseUrl()).token(sandbox.defaultUser().token())
                .readTimeout(Duration.ofSeconds(30)).build();
    }

    /** Waits for real sockets to reach a state, at most 30 s (this test is about sockets, so it reads the clock). */
    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Established TCP connections whose remote end is the sandbox's port: the client's side of each connection. */
    private static long clientConnectionsTo(int port) {
        String remote = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                count += Files.readAllLines(Path.of(table)).stream().skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields[2].endsWith(remote) && "01".equals(fields[3])).count();
            } catch (IOException missing) {
                // no such table on this machine (tcp6 without IPv6): nothing to count in it
            }
        }
        return count;
    }
}
