package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.testkit.EngagiveSandboxTest;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every documented exit code, each from a real response (or a real local refusal), with one clear error line. */
@EngagiveSandboxTest
class CliExitCodesTest {

    private final EngagiveSandbox sandbox;
    private final String token;

    CliExitCodesTest(EngagiveSandbox sandbox) {
        this.sandbox = sandbox;
        this.token = sandbox.defaultUser().token();
    }

    private CliRun cli(String token) {
        return new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl()).env("ENGAGIVE_API_TOKEN", token)
                .env("ENGAGIVE_ACCOUNT_ID", "1");
    }

    private CliRun.Result listTemplates(String token) {
        return cli(token).run("templates", "list");
    }

    @Test
    void zeroOnSuccess() {
        assertThat(listTemplates(token).exitCode()).isZero();
    }

    @Test
    void oneForAResponseThatIsNotTheApis() {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.htmlErrorPage(200));

        CliRun.Result result = listTemplates(token);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("engagive: Unexpected response");
    }

    @Test
    void twoForUsageErrors() {
        assertThat(cli(token).run("templates", "list", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(new CliRun().env("ENGAGIVE_API_TOKEN", token).env("ENGAGIVE_BASE_URL", sandbox.baseUrl())
                .run("templates", "list").err()).contains("ENGAGIVE_ACCOUNT_ID");
        assertThat(cli(token).run("--base-url", "http://example.com", "templates", "list").exitCode()).isEqualTo(2);
    }

    @Test
    void threeForAnExpiredTokenRefusedLocally() {
        CliRun.Result result = listTemplates(sandbox.defaultUser().expiredToken());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("expired at").contains("Profile → API access token");
        assertThat(sandbox.journal()).isEmpty();
    }

    @Test
    void threeForA401() {
        CliRun.Result result = listTemplates(sandbox.defaultUser().tokenWithBadSignature());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("HTTP 401").contains("Invalid token signature");
    }

    @Test
    void threeForAMissingToken() {
        CliRun.Result result = new CliRun().env("ENGAGIVE_BASE_URL", sandbox.baseUrl()).env("ENGAGIVE_ACCOUNT_ID", "1")
                .run("templates", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("ENGAGIVE_API_TOKEN");
    }

    @Test
    void fourForAnAccountTheUserMayNotUse() {
        CliRun.Result result = cli(token).run("templates", "list", "--account", "9");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("HTTP 403").contains("not allowed to use this account")
                .contains("HTTP API tab");
    }

    @Test
    void fourForTheErrorBodyVariant() {
        sandbox.answerWrongAccountWith(400);

        assertThat(cli(token).run("templates", "list", "--account", "9").exitCode()).isEqualTo(4);
    }

    @Test
    void fiveForNotFound() {
        assertThat(cli(token).run("templates", "get", "no_such_template").exitCode()).isEqualTo(5);
    }

    @Test
    void sixForAnInvalidRequest() {
        CliRun.Result result = cli(token).run("messages", "send-template", "--to", "12", "--template", "hello_world",
                "--language", "en_US");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).contains("HTTP 400").contains("\"to\" must be 7–15 digits");
    }

    @Test
    void sevenWhenRateLimited() {
        sandbox.inject(Route.LIST_TEMPLATES, Fault.rateLimited(Duration.ofMinutes(5)));

        CliRun.Result result = listTemplates(token);

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.err()).contains("Retry after 300 s");
    }

    @Test
    void eightForAnUpstreamMetaFailureWithMetasReasonAndAdviceOnOneLine() {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError(130429));

        CliRun.Result result = cli(token).run("messages", "send-template", "--to", "923001234567", "--template",
                "hello_world", "--language", "en_US");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err().lines()).singleElement().asString()
                .contains("Meta error 130429 (THROUGHPUT_LIMIT)", "send again later", "Meta says")
                .doesNotContain("fbtrace");
    }

    @Test
    void verboseAddsMetasTraceIdAndTheReasonsDetails() {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.metaError(131047));

        CliRun.Result result = cli(token).run("-v", "messages", "send-template", "--to", "923001234567", "--template",
                "hello_world", "--language", "en_US");

        assertThat(result.exitCode()).isEqualTo(8);
        assertThat(result.err()).contains("Meta reason REENGAGEMENT_WINDOW, code 131047, transient: false")
                .contains("fbtrace id (for Meta's support): AbCdEfGhIjK");
    }

    @Test
    void errorsExplainPrintsWhatTheToolkitKnowsAboutACode() {
        CliRun.Result known = cli(token).run("errors", "explain", "132015");
        CliRun.Result unknown = cli(token).run("errors", "explain", "424242");
        CliRun.Result notACode = cli(token).run("errors", "explain", "oops");

        assertThat(known.exitCode()).isZero();
        assertThat(known.out()).contains("Meta error 132015: TEMPLATE_PAUSED", "succeed later: no", "paused");
        assertThat(unknown.out()).contains("Meta error 424242: UNKNOWN", "not in Meta's error-code reference");
        assertThat(notACode.exitCode()).isEqualTo(2);
    }

    @Test
    void nineForAnotherServerError() {
        sandbox.inject(Route.SEND_TEMPLATE, Fault.unavailable());

        CliRun.Result result = cli(token).run("messages", "send-template", "--to", "923001234567", "--template",
                "hello_world", "--language", "en_US");

        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(sandbox.requestsTo(Route.SEND_TEMPLATE)).isEqualTo(1);
    }

    @Test
    void tenWhenTheApiCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CliRun.Result result = new CliRun().env("ENGAGIVE_API_TOKEN", token).env("ENGAGIVE_ACCOUNT_ID", "1")
                .run("--base-url", "http://127.0.0.1:" + closedPort, "messages", "send-reaction", "--to",
                        "923001234567", "--message-id", "wamid.x", "--emoji", "👍");

        assertThat(result.exitCode()).isEqualTo(10);
        assertThat(result.err()).contains("not sent");
    }

    @Test
    void anErrorIsOneLineWithoutVerboseAndMoreWithIt() {
        CliRun.Result quiet = cli(token).run("templates", "list", "--account", "9");
        CliRun.Result verbose = cli(token).run("-v", "templates", "list", "--account", "9");

        assertThat(quiet.err().strip().lines()).hasSize(1);
        assertThat(verbose.err()).contains("type: PermissionException (reason ACCOUNT_NOT_ALLOWED")
                .contains("request id: sbx-");
    }
}
