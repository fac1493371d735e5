package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.RawSocketServer;
import io.engagive.sdk.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The deadline bounds the whole call (every attempt, every body read) and the read timeout bounds
 * every wait for more bytes. Each server here would hold the call for minutes; the assertions allow
 * generous slack over the configured bounds, far below what an unbounded call takes.
 */
class DeadlineTest {

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    private final String token = TestTokens.valid();

    @Test
    void aBodyThatStopsFlowingFailsAfterTheReadTimeout() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> {
            raw.write(out, (CHUNKED_HEAD + "1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(60_000);
        })) {
            EngagiveClient engagive = client(server, Duration.ofMillis(300), RetryPolicy.builder().maxAttempts(1)
                    .deadline(Duration.ofSeconds(30)).build());

            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", "order"))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue())
                    .withMessageContaining("timed out");
            assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aBodyThatTricklesFailsAtTheDeadline() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> {
            raw.write(out, (CHUNKED_HEAD + "1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 600; i++) {
                Thread.sleep(50);
                raw.write(out, "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
            }
        })) {
            EngagiveClient engagive = client(server, Duration.ofSeconds(2), RetryPolicy.builder()
                    .deadline(Duration.ofSeconds(1)).build());

            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", "order"))
                    .withMessageContaining("deadline");
            assertThat(elapsed(started)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void theLastAttemptWaitsOnlyForWhatIsLeftOfTheDeadline() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> Thread.sleep(60_000))) {
            EngagiveClient engagive = client(server, Duration.ofMillis(1200), RetryPolicy.builder().maxAttempts(5)
                    .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(10))
                    .deadline(Duration.ofMillis(1500)).build());

            long started = System.nanoTime();
            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", "order"));
            assertThat(elapsed(started)).as("1.5 s deadline; two full read timeouts would be 2.4 s")
                    .isLessThan(Duration.ofMillis(2100));
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aSendWhoseAnswerStallsIsReportedAsPossiblyDeliveredAndSentOnce() {
        try (RawSocketServer server = RawSocketServer.start((out, raw) -> Thread.sleep(60_000))) {
            EngagiveClient engagive = client(server, Duration.ofMillis(300), RetryPolicy.defaults());

            assertThatExceptionOfType(ConnectionException.class)
                    .isThrownBy(() -> engagive.messages().sendReaction("1",
                            new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.X").emoji("👍")))
                    .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isTrue())
                    .withMessageContaining("may or may not have been delivered");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    private EngagiveClient client(RawSocketServer server, Duration readTimeout, RetryPolicy policy) {
        return EngagiveClient.builder().baseUrl(server.baseUrl()).token(token).readTimeout(readTimeout)
                .retryPolicy(policy).build();
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
