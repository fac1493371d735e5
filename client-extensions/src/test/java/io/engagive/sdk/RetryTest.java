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
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    private final LoopbackServer server = LoopbackServer.start();
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
    void aGetAnswered503ThenOkSucceedsAfterWaitingRetryAfter() {
        AtomicLong firstAt = new AtomicLong();
        AtomicLong secondAt = new AtomicLong();
        server.otherwise(request -> {
            if (firstAt.compareAndSet(0, System.nanoTime())) {
                return Reply.json(503, "{\"success\":false}").withHeader("Retry-After", "1");
            }
            secondAt.set(System.nanoTime());
            return Reply.json(200, Fixtures.TEMPLATES_OK);
        });
        EngagiveClient patient = Fixtures.clientFor(server, token).retryPolicy(RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(10)).build()).build();

        TemplateListResponse templates = patient.templates().listTemplates("1", "x");

        assertThat(templates.getData()).hasSize(1);
        assertThat(server.received()).hasSize(2);
        assertThat(Duration.ofNanos(secondAt.get() - firstAt.get())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
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
                () -> engagive.templates().listTemplates("1", "x"));

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(server.received()).hasSize(1);
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
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(5)).build()).build();

        ConnectionException error = catchThrowableOfType(ConnectionException.class,
                () -> offline.messages().sendReaction("1", reaction()));

        assertThat(error.requestMayHaveReachedServer()).isFalse();
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
                TokenHandlingTest.replace(file, rotated);
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
