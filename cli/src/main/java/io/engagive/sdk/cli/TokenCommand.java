package io.engagive.sdk.cli;

import io.engagive.sdk.auth.TokenInfo;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.internal.Advice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code engagive token inspect}: what a token says about itself, without printing the token. */
@Command(name = "token", description = "Inspect an API access token.", mixinStandardHelpOptions = true)
final class TokenCommand {

    @ParentCommand
    private EngagiveCli root;

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Decode the token (from --token-file, ENGAGIVE_API_TOKEN or --stdin) and show its subject, "
                    + "issue and expiry times and days left; the signature is not checked and the token is never shown.")
    int inspect(@Option(names = "--stdin", description = "Read the token from standard input.") boolean stdin) {
        String source = stdin ? "standard input" : root.tokenSource();
        String raw = stdin ? readStdin() : root.configuredToken();
        Instant now = Instant.now();
        if (raw == null || raw.isBlank()) {
            root.environment().err().println("engagive: no token in " + source + ". " + Advice.NEW_TOKEN
                    + " Then set ENGAGIVE_API_TOKEN or use --token-file.");
            return ExitCode.AUTHENTICATION.code();
        }
        TokenSummary summary;
        try {
            summary = new TokenSummary(TokenInfo.inspect(raw));
        } catch (AuthenticationException malformed) {
            root.environment().err().println("engagive: the token in " + source + " is malformed: "
                    + malformed.getMessage());
            return ExitCode.AUTHENTICATION.code();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", source);
        fields.putAll(summary.fields(now));
        root.printer().print(fields, fields.entrySet().stream().toList(),
                Printer.column("FIELD", Map.Entry::getKey), Printer.column("VALUE", Map.Entry::getValue));
        if (summary.expiresSoon(now)) {
            root.environment().err().println("warning: the token expires in " + summary.daysLeft(now)
                    + " days (" + summary.expiresAt().orElseThrow() + "). " + Advice.NEW_TOKEN);
        }
        if (summary.expiredAt(now)) {
            root.environment().err().println("engagive: the token expired at " + summary.expiresAt().orElseThrow()
                    + ". " + Advice.NEW_TOKEN);
            return ExitCode.AUTHENTICATION.code();
        }
        return ExitCode.OK.code();
    }

    private String readStdin() {
        try {
            String text = new String(root.environment().stdin().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            return (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
