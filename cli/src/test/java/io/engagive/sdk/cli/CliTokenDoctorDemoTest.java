package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.internal.Advice;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** token inspect, doctor and demo, end to end. */
@EngagiveSandboxTest
class CliTokenDoctorDemoTest {

    private final EngagiveSandbox sandbox;

    CliTokenDoctorDemoTest(EngagiveSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void tokenInspectShowsTheClaimsButNeverTheToken() {
        String token = sandbox.defaultUser().token(Duration.ofDays(30));

        CliRun.Result result = new CliRun().env("ENGAGIVE_API_TOKEN", token).run("token", "inspect", "--output", "table");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("default-user").contains("acme").contains("expiresAt").contains("daysLeft")
                .contains("valid");
        assertThat(result.all()).doesNotContain(token);
    }

    @Test
    void tokenInspectWarnsUnderSevenDays(@TempDir Path dir) throws Exception {
        String token = sandbox.defaultUser().token(Duration.ofDays(3));
        Path file = dir.resolve("token");
        Files.writeString(file, token);

        CliRun.Result result = new CliRun().run("--token-file", file.toString(), "token", "inspect");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("warning: the token expires in 2 days");
        assertThat(result.all()).doesNotContain(token);
    }

    @Test
    void tokenInspectReadsStandardInputAndFailsForAnExpiredToken() {
        String token = sandbox.defaultUser().expiredToken();

        CliRun.Result result = new CliRun().stdin(token + "\n").run("token", "inspect", "--stdin");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("\"status\" : \"expired\"");
        assertThat(result.all()).doesNotContain(token);
    }

    @Test
    void tokenInspectRefusesSomethingThatIsNotAJwt() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_API_TOKEN", "abc123.session").run("token", "inspect");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("not a JWT").doesNotContain("abc123");
    }

    @Test
    void tokenInspectRefusesACookieWithTheCharacterThatGivesItAway() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_API_TOKEN", "session=abc123;path=/").run("token", "inspect");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("characters a bearer token cannot have").doesNotContain("abc123");
    }

    @Test
    void doctorPassesEveryStepAgainstTheSandbox() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl())
                .env("ENGAGIVE_API_TOKEN", sandbox.defaultUser().token()).env("ENGAGIVE_ACCOUNT_ID", "1").run("doctor");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("[ OK ] token present").contains("[ OK ] token well-formed")
                .contains("[ OK ] token not expired").contains("[WARN] base URL is HTTPS")
                .contains("[ OK ] API reachable").contains("[ OK ] account accessible").contains("All checks passed.");
    }

    @Test
    void doctorNamesTheFixForAMissingToken() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl()).run("doctor");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("[FAIL] token present").contains("Fix: " + Advice.NEW_TOKEN);
    }

    @Test
    void doctorNamesTheFixForAnAccountTheUserMayNotUse() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl())
                .env("ENGAGIVE_API_TOKEN", sandbox.defaultUser().token()).run("doctor", "--account", "9");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("[ OK ] API reachable").contains("[FAIL] account accessible")
                .contains("Fix: use an account the token's user may use");
    }

    @Test
    void doctorFailsAPlainHttpBaseUrl() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_API_TOKEN", sandbox.defaultUser().token())
                .run("--base-url", "http://api.example.com", "doctor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("[FAIL] base URL is HTTPS");
    }

    @Test
    void demoWalksThroughTheWholeStoryAndEndsWithItsSummary() {
        CliRun.Result result = new CliRun().run("demo");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("1. List the templates of account 1").contains("ok: 4 templates")
                .contains("AuthenticationException (EXPIRED_TOKEN), exit code 3, nothing sent")
                .contains("PermissionException (ACCOUNT_NOT_ALLOWED), exit code 4, HTTP 403")
                .contains("PermissionException (PERMISSION_MISSING), exit code 4, HTTP 403")
                .contains("UpstreamException, exit code 8, HTTP 502")
                .contains("Summary: 7 of 7 steps behaved as expected")
                .contains("every response matched the OpenAPI spec");
        assertThat(result.out()).doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.");
    }
}
