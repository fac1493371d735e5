package io.engagive.sdk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;

/**
 * The compatibility kit through the asynchronous view over java.net.http's {@code sendAsync}: run by its own surefire
 * execution with the common pool's parallelism raised, as on a machine of three CPUs or more — the only machines
 * where the transport uses {@code sendAsync} (elsewhere it would start a thread per call, and
 * {@link JdkTransportAsyncCompatibilityTest} covers the blocking send it uses there).
 */
class JdkTransportSendAsyncCompatibilityTest extends JdkTransportAsyncCompatibilityTest {

    @BeforeAll
    void sendAsyncIsTheWayCallsGo() {
        assertThat(new CompletableFuture<Void>().defaultExecutor())
                .as("CompletableFuture's default executor: run by the kit-over-send-async execution only")
                .isInstanceOf(ForkJoinPool.class);
    }
}
