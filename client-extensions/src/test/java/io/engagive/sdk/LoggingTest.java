package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.UnexpectedResponseException;
import io.engagive.sdk.testing.RawSocketServer;
import java.nio.charset.StandardCharsets;

import io.engagive.sdk.testing.CapturedLogs;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoggingTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final String token = TestTokens.valid();

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpLogLevel.class)
    void theTokenNeverReachesTheLogAtAnyLevel(HttpLogLevel level) {
        server.enqueue(Reply.json(200, Fixtures.TEMPLATES_OK),
                Reply.json(401, "{\"success\":false,\"error\":\"Invalid token " + token + "\"}"));
        EngagiveClient engagive = Fixtures.clientFor(server, token).logLevel(level).build();

        engagive.templates().listTemplates("1", "x");
        Throwable error = catchThrowable(() -> engagive.templates().listTemplates("1", "x"));

        assertThat(CapturedLogs.text()).doesNotContain(token);
        assertThat(error.getMessage()).doesNotContain(token).contains("[REDACTED]");
        if (level == HttpLogLevel.HEADERS || level == HttpLogLevel.FULL) {
            assertThat(CapturedLogs.text()).contains("Authorization: Bearer [REDACTED]");
        }
        if (level == HttpLogLevel.NONE) {
            assertThat(CapturedLogs.lines()).noneMatch(line -> line.logger().equals("io.engagive.sdk.http"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HttpLogLevel.class, names = "FULL")
    void loggedBodiesAreBounded(HttpLogLevel level) {
        server.enqueue(Reply.json(200, "{\"success\":true,\"data\":[" + "{\"code\":\"x\"},".repeat(20_000)
                + "{\"code\":\"y\"}]}"));
        EngagiveClient engagive = Fixtures.clientFor(server, token).logLevel(level).maxLoggedLineLength(1000).build();

        engagive.templates().listTemplates("1", "x");

        assertThat(CapturedLogs.lines()).filteredOn(line -> line.logger().equals("io.engagive.sdk.http"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.message().length()).isLessThan(1100));
        assertThat(CapturedLogs.text()).contains("more characters");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HttpLogLevel.class)
    void anEndlessBodyIsReadOnlyUpToTheLimitAtEveryLogLevel(HttpLogLevel level) {
        byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (RawSocketServer endless = RawSocketServer.start((out, raw) -> {
            raw.write(out, ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4000\r\n{\"success\":true,\"data\":\"" + "x".repeat(0x4000 - 24) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 16_384 && !Thread.currentThread().isInterrupted(); i++) {
                raw.write(out, chunk);
            }
        })) {
            EngagiveClient engagive = EngagiveClient.builder().baseUrl(endless.baseUrl()).token(token)
                    .logLevel(level).maxResponseBytes(64 * 1024).build();

            assertThatExceptionOfType(UnexpectedResponseException.class)
                    .isThrownBy(() -> engagive.templates().listTemplates("1", "x"))
                    .withMessageContaining("larger than the configured limit");
            assertThat(endless.written()).as("bytes the server got to write before the client hung up")
                    .isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void proseAroundTheWordBearerIsNotRedacted() {
        server.enqueue(Reply.json(401, "{\"success\":false,\"message\":\"No Bearer token provided\"}"));
        EngagiveClient engagive = Fixtures.clientFor(server, token).build();

        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> engagive.templates().listTemplates("1", "x"))
                .withMessageContaining("No Bearer token provided");
    }
}
