package io.engagive.sdk.cli;

import io.engagive.sdk.internal.redaction.Printable;
import io.engagive.sdk.auth.TokenInfo;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.generated.model.LookupListResponse;
import io.engagive.sdk.internal.Advice;
import io.engagive.sdk.internal.http.BaseUrl;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code engagive doctor}: checks the configuration step by step and says how to fix each failure. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check the token, the base URL, that the API "
        + "answers and that the account can be read, with the fix for each failure.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    private EngagiveCli root;

    private int firstFailure;

    @Override
    public Integer call() {
        PrintWriter out = root.environment().out();
        Instant now = Instant.now();
        ConfiguredToken configured = root.configured();
        String raw = configured.value();
        if (configured.exposed()) {
            fail("token file private", configured.problem().orElseThrow(), "chmod 600 " + root.tokenFile()
                    + " so that only you can read it", ExitCode.AUTHENTICATION);
        }
        if (raw == null) {
            fail("token present", "no token in " + root.tokenSource(), Advice.NEW_TOKEN
                    + " Then set ENGAGIVE_API_TOKEN (or use --token-file)",
                    ExitCode.AUTHENTICATION);
            return done(out);
        }
        ok("token present", "from " + root.tokenSource());
        TokenSummary summary;
        try {
            summary = new TokenSummary(TokenInfo.inspect(raw));
        } catch (AuthenticationException malformed) {
            fail("token well-formed", malformed.getMessage(), "copy the API access token from Profile → API access "
                    + "token as it is (no quotes or spaces), not a session cookie or API key", ExitCode.AUTHENTICATION);
            return done(out);
        }
        ok("token well-formed", "a JWT for subject " + summary.subject().orElse("(none)"));
        if (summary.expiredAt(now)) {
            fail("token not expired", "expired at " + summary.expiresAt().orElseThrow(), Advice.NEW_TOKEN,
                    ExitCode.AUTHENTICATION);
            return done(out);
        }
        if (summary.expiresSoon(now)) {
            step("WARN", "token not expired", "expires in " + summary.daysLeft(now) + " days ("
                    + summary.expiresAt().orElseThrow() + "); generate a new one soon");
        } else {
            ok("token not expired", summary.expiresAt().map(expiry -> "valid until " + expiry)
                    .orElse("no expiry claim"));
        }
        if (!baseUrlIsUsable()) {
            return done(out);
        }
        String account;
        try {
            account = root.account();
        } catch (CommandLine.ParameterException e) {
            fail("account configured", "no account id", "pass --account ID or set ENGAGIVE_ACCOUNT_ID (" + Advice.ACCOUNT_ID + ")",
                    ExitCode.USAGE);
            return done(out);
        }
        callTheApi(account);
        return done(out);
    }

    private boolean baseUrlIsUsable() {
        try {
            BaseUrl url = BaseUrl.parse(root.baseUrl());
            if (url.isHttps()) {
                ok("base URL is HTTPS", url.toString());
            } else {
                step("WARN", "base URL is HTTPS", url + " is plain HTTP to a loopback host: for local testing only");
            }
            return true;
        } catch (IllegalArgumentException e) {
            fail("base URL is HTTPS", e.getMessage(), "use https://stage.api.engagive.io/api/business/public or "
                    + "your environment's HTTPS base URL", ExitCode.USAGE);
            return false;
        }
    }

    private void callTheApi(String account) {
        try {
            LookupListResponse categories = root.client().templateLookups().listTemplateCategories(account);
            ok("API reachable", root.baseUrl());
            ok("account accessible", "account " + account + " answered (" + (categories.getData() == null ? 0
                    : categories.getData().size()) + " template categories)");
        } catch (ConnectionException e) {
            fail("API reachable", e.getMessage(), "check the base URL, DNS, proxy and firewall", ExitCode.CONNECTION);
        } catch (EngagiveException e) {
            if (e.httpStatus().isEmpty()) {
                fail("API reachable", "no request was sent: " + e.getMessage(), fix(e), ExitCode.of(e));
                return;
            }
            ok("API reachable", "it answered HTTP " + e.httpStatus().getAsInt());
            fail("account accessible", e.getMessage(), fix(e), ExitCode.of(e));
        }
    }

    private static String fix(EngagiveException e) {
        if (e instanceof AuthenticationException) {
            return Advice.NEW_TOKEN;
        }
        if (e instanceof PermissionException denied) {
            return "use an account the token's user may use, and a role with \""
                    + denied.requiredPermission() + "\"";
        }
        return "see the message above";
    }

    private void ok(String name, String detail) {
        step(" OK ", name, detail);
    }

    private void fail(String name, String detail, String fix, ExitCode exit) {
        step("FAIL", name, detail + ". Fix: " + fix + (fix.endsWith(".") ? "" : "."));
        if (firstFailure == 0) {
            firstFailure = exit.code();
        }
    }

    private void step(String verdict, String name, String detail) {
        root.environment().out().println("[" + verdict + "] " + name + ": " + Printable.escape(detail));
    }

    private int done(PrintWriter out) {
        out.println(firstFailure == 0 ? "All checks passed." : "Some checks failed; fix the first one and run "
                + "engagive doctor again.");
        out.flush();
        return firstFailure;
    }
}
