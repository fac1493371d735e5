package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UpstreamException;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.generated.model.TemplateListResponse;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.FakeTiming;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import io.engagive.sdk.testing.TokenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    private final LoopbackServer server = LoopbackServer.start();
    private final FakeTiming timing = new FakeTiming();
    private final String token = TestTokens.valid();
    private final EngagiveClient engagive = Fixtures.clientFor(server, token).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPostAnswered503IsSentExactlyOnce() {
        server.otherwise(request -> Reply.json(503, "{\"success\":false,\"message\":\"Service unavailable\"}"));

        ServerException error = catchThrowableOfType(ServerException.class,
                () -> engagive.messages().sendReaction("1", reaction()));

        assertThat(error.httpStatus()).hasValue(503);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aPostAnswered502Or429IsNeverRetried() {
        server.enqueue(Reply.json(502, "{\"success\":false}"), Reply.json(429, "{\"success\":false}"));

        assertThatExceptionOfType(UpstreamException.class)
                .isThrownBy(() -> engagive.messages().sendReaction("1", reaction()));
        assertThatExceptionOfType(RateLimitedException.class)
                .isThrownBy(() -> engagive.messages().sendReaction("1", reaction()));

        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aGetAnswered503ThenOkWaitsExactlyTheRetryAfterThenSucceeds() {
        server.enqueue(Reply.json(503, "{\"success\":false}").withHeader("Retry-After", "7"),
                Reply.json(200, Fixtures.TEMPLATES_OK));

        TemplateListResponse templates = Fixtures.clientFor(server, token, timing).build()
                .templates().listTemplates("1", "x");

        assertThat(templates.getData()).hasSize(1);
        assertThat(server.received()).hasSize(2);
        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterDateIsWaitedForUntilThatTimeByTheClientsClock() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        server.enqueue(Reply.json(502, "{\"success\":false}").withHeader("Retry-After", "Thu, 26 Nov 2026 10:00:12 GMT"),
                Reply.json(200, Fixtures.TEMPLATES_OK));

        Fixtures.clientFor(server, token, timing).clock(Clock.fixed(now, ZoneOffset.UTC)).build()
                .templates().listTemplates("1", "x");

        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void backoffDoublesWithJitterBetweenHalfAndAllOfEachStep() {
        server.otherwise(request -> Reply.json(503, "{\"success\":false}"));
        EngagiveClient patient = Fixtures.clientFor(server, token, timing).retryPolicy(RetryPolicy.builder()
                .maxAttempts(5).initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofMillis(500)).build())
                .build();

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> patient.templates().listTemplates("1", "x"));

        List<Duration> sleeps = timing.sleeps();
        assertThat(sleeps).hasSize(4);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeps.get(3)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(server.received()).hasSize(5);
    }

    @Test
    void noWaitOverrunsTheDeadline() {
        server.otherwise(request -> Reply.json(503, "{\"success\":false}"));
        EngagiveClient patient = Fixtures.clientFor(server, token, timing).retryPolicy(RetryPolicy.builder()
                .maxAttempts(10).initialBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(4))
                .deadline(Duration.ofSeconds(6)).build()).build();

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> patient.templates().listTemplates("1", "x"));

        Duration waited = timing.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isLessThan(Duration.ofSeconds(6));
        assertThat(server.received()).hasSize(timing.sleeps().size() + 1);
    }

    @Test
    void aGetAnswered429HonoursRetryAfterThenSucceeds() {
        server.enqueue(Reply.json(429, "{\"success\":false}").withHeader("Retry-After", "0"),
                Reply.json(200, Fixtures.TEMPLATES_OK));

        assertThat(engagive.templates().listTemplates("1", "x").getData()).hasSize(1);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aGetIsRetriedAtMostMaxAttemptsTimes() {
        server.otherwise(request -> Reply.json(504, "{\"success\":false}"));

        assertThatExceptionOfType(ServerException.class)
                .isThrownBy(() -> engagive.templates().listTemplates("1", "x"));

        assertThat(server.received()).hasSize(RetryPolicy.defaults().maxAttempts());
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() {
        server.otherwise(request -> Reply.json(429, "{\"success\":false}").withHeader("Retry-After", "120"));

        RateLimitedException error = catchThrowableOfType(RateLimitedException.class,
                () -> Fixtures.clientFor(server, token, timing).build().templates().listTemplates("1", "x"));

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(server.received()).hasSize(1);
        assertThat(timing.sleeps()).isEmpty();
    }

    @Test
    void aGetIsNotRetriedOnAPlain500() {
        server.otherwise(request -> Reply.json(500, "{\"success\":false}"));

        assertThatExceptionOfType(ServerException.class)
                .isThrownBy(() -> engagive.templates().listTemplates("1", "x"));

        assertThat(server.received()).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404})
    void clientErrorsAreNeverRetried(int status) {
        server.otherwise(request -> Reply.json(status, "{\"success\":false,\"message\":\"no\"}"));

        Throwable error = catchThrowableOfType(RuntimeException.class,
                () -> engagive.templates().listTemplates("1", "x"));

        assertThat(error).isInstanceOfAny(InvalidRequestException.class, AuthenticationException.class,
                PermissionException.class, NotFoundException.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aPostToAClosedPortIsRetriedBecauseItProvablyNeverLeft() {
        EngagiveClient offline = EngagiveClient.builder().baseUrl(LoopbackServer.closedPortUrl()).token(token)
                .timing(timing).retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(5)).build()).build();

        assertThatExceptionOfType(ConnectionException.class)
                .isThrownBy(() -> offline.messages().sendReaction("1", reaction()))
                .satisfies(error -> assertThat(error.requestMayHaveReachedServer()).isFalse());
        assertThat(timing.sleeps()).as("one wait before the second attempt").hasSize(1);
    }

    @Test
    void a401WithARotatedTokenIsRetriedOnceWithTheNewToken(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        String old = TestTokens.valid();
        String rotated = TestTokens.valid();
        Files.writeString(file, old);
        server.otherwise(request -> {
            if (request.header("Authorization").contains("Bearer " + rotated)) {
                return Reply.json(200, Fixtures.TEMPLATE_SENT);
            }
            try {
                TokenFiles.replace(file, rotated);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Reply.json(401, "{\"success\":false,\"error\":\"Invalid or expired token\"}");
        });
        EngagiveClient rotating = Fixtures.clientFor(server, "x").tokenProvider(TokenProvider.fromFile(file)).build();

        rotating.messages().sendReaction("1", reaction());

        assertThat(server.received()).extracting(request -> request.header("Authorization").get(0))
                .containsExactly("Bearer " + old, "Bearer " + rotated);
    }

    @Test
    void a401WithAnUnchangedTokenSurfacesAfterOneRequest() {
        server.otherwise(request -> Reply.json(401, "{\"success\":false,\"error\":\"Invalid token\"}"));

        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> engagive.templates().listTemplates("1", "x"));

        assertThat(error.reason()).isEqualTo(AuthenticationException.Reason.INVALID_TOKEN);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void a401IsRetriedAtMostOnceEvenIfTheTokenKeepsRotating() {
        AtomicLong calls = new AtomicLong();
        TokenProvider alwaysNew = () -> TestTokens.valid();
        server.otherwise(request -> {
            calls.incrementAndGet();
            return Reply.json(401, "{\"success\":false,\"error\":\"Invalid token\"}");
        });
        EngagiveClient rotating = Fixtures.clientFor(server, "x").tokenProvider(alwaysNew).build();

        assertThatExceptionOfType(AuthenticationException.class)
                .isThrownBy(() -> rotating.templates().listTemplates("1", "x"));

        assertThat(calls).hasValue(2);
    }

    private static SendReactionRequest reaction() {
        return new SendReactionRequest().to("923001234567").whatsappMessageId("wamid.xxxxx").emoji("👍");
    }
}
