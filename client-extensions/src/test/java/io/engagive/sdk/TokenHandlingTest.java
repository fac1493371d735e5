package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.AuthenticationException.Reason;
import io.engagive.sdk.testing.CapturedLogs;
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
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class TokenHandlingTest {

    private final LoopbackServer server = LoopbackServer.start().otherwise(request -> Reply.json(200, Fixtures.TEMPLATES_OK));

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anExpiredTokenFailsLocallyAndSendsNothing() {
        Instant expiry = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.expiringAt(expiry);

        AuthenticationException error = refusal(Fixtures.clientFor(server, token).build());

        assertThat(error.reason()).isEqualTo(Reason.EXPIRED_TOKEN);
        assertThat(error.expiredAt()).contains(expiry);
        assertThat(error.sentToServer()).isFalse();
        assertThat(error.httpStatus()).isEmpty();
        assertThat(error.getMessage()).contains("token expired at " + expiry).contains("Profile")
                .doesNotContain(token);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aMissingTokenNamesTheProviderAndSendsNothing() {
        EngagiveClient engagive = Fixtures.clientFor(server, "x").tokenProvider(
                TokenProvider.fromEnvironment("ENGAGIVE_TEST_VARIABLE_THAT_IS_NEVER_SET")).build();

        AuthenticationException error = refusal(engagive);

        assertThat(error.reason()).isEqualTo(Reason.MISSING_TOKEN);
        assertThat(error.getMessage()).contains("ENGAGIVE_TEST_VARIABLE_THAT_IS_NEVER_SET");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aBlankTokenIsMissing() {
        assertThat(refusal(Fixtures.clientFor(server, "   ").build()).reason()).isEqualTo(Reason.MISSING_TOKEN);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aPastedBearerPrefixIsStrippedOnce() {
        String token = TestTokens.valid();

        Fixtures.clientFor(server, "Bearer " + token).build().templates().listTemplates("1", "x");

        assertThat(server.received().get(0).header("Authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void aDoubleBearerPrefixIsNotStrippedTwice() {
        AuthenticationException error = refusal(Fixtures.clientFor(server, "Bearer Bearer " + TestTokens.valid()).build());

        assertThat(error.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void headerInjectionThroughTheTokenIsRefused() {
        String token = TestTokens.valid() + "\r\nX-Admin: true";

        AuthenticationException error = refusal(Fixtures.clientFor(server, token).build());

        assertThat(error.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        assertThat(error.getMessage()).contains("line break").doesNotContain(token).doesNotContain("X-Admin");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aTokenThatIsNotAJwtIsRefused() {
        AuthenticationException error = refusal(Fixtures.clientFor(server, "abc.def").build());

        assertThat(error.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
        assertThat(error.getMessage()).contains("not a JWT").doesNotContain("abc.def");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aJwtWhosePayloadIsNotJsonIsRefused() {
        assertThat(refusal(Fixtures.clientFor(server, "eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln").build()).reason())
                .isEqualTo(Reason.MALFORMED_TOKEN);
    }

    @Test
    void anOpaqueTokenIsSentWhenLocalChecksAreOff() {
        Fixtures.clientFor(server, "opaque-token_123").localTokenChecks(false).build()
                .templates().listTemplates("1", "x");

        assertThat(server.received().get(0).header("Authorization")).containsExactly("Bearer opaque-token_123");
    }

    @Test
    void aTokenWithoutExpiryIsAllowed() {
        String token = TestTokens.withoutExpiry();

        Fixtures.clientFor(server, token).build().templates().listTemplates("1", "x");

        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aTokenExpiringWithinSevenDaysLogsOneWarningWithTheDateAndNotTheToken() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Instant expiry = now.plus(Duration.ofDays(3));
        String token = TestTokens.expiringAt(expiry);
        EngagiveClient engagive = Fixtures.clientFor(server, token).clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        for (int i = 0; i < 3; i++) {
            engagive.templates().listTemplates("1", "x");
        }

        assertThat(CapturedLogs.lines()).filteredOn(line -> line.level() == Level.WARN)
                .singleElement()
                .satisfies(line -> assertThat(line.message()).contains(expiry.toString()).contains("3 days")
                        .doesNotContain(token));
    }

    @Test
    void aTokenWithMoreThanSevenDaysLeftLogsNoWarning() {
        Fixtures.clientFor(server, TestTokens.valid()).build().templates().listTemplates("1", "x");

        assertThat(CapturedLogs.lines()).noneMatch(line -> line.level() == Level.WARN);
    }

    @Test
    void aRotatedTokenFileIsPickedUpWithoutARestart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("engagive.token");
        String first = TestTokens.valid();
        String second = TestTokens.valid();
        Files.writeString(file, first + "\n");
        EngagiveClient engagive = Fixtures.clientFor(server, "x").tokenProvider(TokenProvider.fromFile(file)).build();

        engagive.templates().listTemplates("1", "x");
        TokenFiles.replace(file, second);
        engagive.templates().listTemplates("1", "x");

        assertThat(server.received()).extracting(request -> request.header("Authorization").get(0))
                .containsExactly("Bearer " + first, "Bearer " + second);
    }

    @Test
    void anUnreadableTokenFileIsATypedMissingToken(@TempDir Path dir) {
        Path file = dir.resolve("absent.token");

        AuthenticationException error = refusal(
                Fixtures.clientFor(server, "x").tokenProvider(TokenProvider.fromFile(file)).build());

        assertThat(error.reason()).isEqualTo(Reason.MISSING_TOKEN);
        assertThat(error.getMessage()).contains("absent.token");
    }

    private static AuthenticationException refusal(EngagiveClient engagive) {
        return catchThrowableOfType(AuthenticationException.class,
                () -> engagive.templates().listTemplates("1", "x"));
    }
}
