package io.engagive.sdk.cli;

import io.engagive.sdk.internal.redaction.Printable;
import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.HttpLogLevel;
import io.engagive.sdk.auth.TokenProvider;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorEnvelope;
import io.engagive.sdk.error.MetaError;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.generated.SpecOperations;
import io.engagive.sdk.internal.Advice;
import io.engagive.sdk.transport.okhttp.OkHttpTransport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code engagive} command: calls the Engagive API from a shell, checks a token and setup, and runs a sandbox demo. */
@Command(name = "engagive", mixinStandardHelpOptions = true, version = "engagive 0.1.0",
        description = "Calls the Engagive business public API (WhatsApp) with a Bearer token.",
        subcommands = {TemplatesCommand.class, LookupsCommand.class, ContentsCommand.class, MessagesCommand.class,
                TokenCommand.class, DoctorCommand.class, DemoCommand.class, SandboxCommand.class,
                ErrorsCommand.class},
        footerHeading = "%n")
public final class EngagiveCli implements Callable<Integer> {

    static final String BASE_URL_VARIABLE = "ENGAGIVE_BASE_URL";
    static final String ACCOUNT_VARIABLE = "ENGAGIVE_ACCOUNT_ID";

    @Spec
    private CommandSpec spec;

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "API base URL (default: ${ENGAGIVE_BASE_URL:-" + EngagiveClient.DEFAULT_BASE_URL + "}).")
    private String baseUrl;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "File holding the API access token (default: the ENGAGIVE_API_TOKEN variable).")
    private Path tokenFile;

    @Option(names = "--account", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "WhatsApp account id (default: the ENGAGIVE_ACCOUNT_ID variable).")
    private String account;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table or json (default: table on a terminal, json otherwise).")
    private OutputFormat output;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log HTTP requests at debug level (the token is redacted) and explain errors in detail.")
    private boolean verbose;

    private final Environment environment;
    private EngagiveClient client;
    private ConfiguredToken token;

    EngagiveCli(Environment environment) {
        this.environment = environment;
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (List.of(args).contains("-v") || List.of(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.log.io.engagive", "debug");
        }
        System.exit(run(Environment.system(), args));
    }

    static int run(Environment environment, String... args) {
        EngagiveCli root = new EngagiveCli(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.getCommandSpec().usageMessage().footer("Configuration: --base-url or " + BASE_URL_VARIABLE
                + ", --token-file or " + TokenProvider.DEFAULT_ENVIRONMENT_VARIABLE + ", --account or "
                + ACCOUNT_VARIABLE + ".", "", ExitCode.helpTable());
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> root.report(error));
        needs(commandLine, "templates", "listTemplates");
        needs(commandLine, "messages", "sendTemplate");
        return commandLine.execute(args);
    }

    /** Adds to a command's description the permission the spec names for its operations. */
    private static void needs(CommandLine commandLine, String command, String operationId) {
        CommandLine.Model.UsageMessageSpec usage = commandLine.getSubcommands().get(command).getCommandSpec()
                .usageMessage();
        String[] description = usage.description().clone();
        description[0] = description[0] + " Needs the role permission \""
                + SpecOperations.of(operationId).requiredPermission() + "\".";
        usage.description(description);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(environment.out());
        return ExitCode.OK.code();
    }

    EngagiveClient client() {
        if (client == null) {
            client = EngagiveClient.builder()
                    .baseUrl(baseUrl())
                    .tokenProvider(new ReadOnce(configuredToken(), tokenSource()))
                    .logLevel(verbose ? HttpLogLevel.HEADERS : HttpLogLevel.NONE)
                    .transport(OkHttpTransport.create())
                    .build();
        }
        return client;
    }

    String baseUrl() {
        if (baseUrl != null) {
            return baseUrl;
        }
        String fromEnvironment = environment.variable(BASE_URL_VARIABLE);
        return fromEnvironment == null ? EngagiveClient.DEFAULT_BASE_URL : fromEnvironment;
    }

    /** Returns the configured token, read once per command (a FIFO or process substitution is read only once), or null when there is none. */
    String configuredToken() {
        return configured().value();
    }

    /** Returns the configured token source as read once for this command, with what was wrong with reading it. */
    ConfiguredToken configured() {
        if (token == null) {
            token = tokenFile != null ? ConfiguredToken.fromFile(tokenFile)
                    : ConfiguredToken.of(environment.variable(TokenProvider.DEFAULT_ENVIRONMENT_VARIABLE));
            token.problem().ifPresent(problem -> environment.err().println("warning: " + problem));
        }
        return token;
    }

    String tokenSource() {
        return tokenFile != null ? "the file " + tokenFile
                : "the " + TokenProvider.DEFAULT_ENVIRONMENT_VARIABLE + " environment variable";
    }

    Path tokenFile() {
        return tokenFile;
    }

    String account() {
        String chosen = account != null ? account : environment.variable(ACCOUNT_VARIABLE);
        if (chosen == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "No WhatsApp account id: pass --account ID or set " + ACCOUNT_VARIABLE
                            + " (" + Advice.ACCOUNT_ID + ").");
        }
        return chosen;
    }

    Printer printer() {
        return new Printer(environment.out(), output != null ? output
                : environment.terminal() ? OutputFormat.table : OutputFormat.json);
    }

    Environment environment() {
        return environment;
    }

    boolean verbose() {
        return verbose;
    }

    /** The token as read once for this command; its {@code toString()} names where it came from, never the token. */
    private record ReadOnce(String token, String source) implements TokenProvider {
        @Override
        public String currentToken() {
            return token;
        }

        @Override
        public String toString() {
            return source;
        }
    }

    /** Prints one clear line about a failure (more with {@code -v}) and returns its exit code. */
    int report(Exception error) {
        if (error instanceof EngagiveException failure) {
            environment.err().println("engagive: " + Printable.escape(failure.getMessage()));
            if (verbose) {
                environment.err().println("  type: " + failure.getClass().getSimpleName() + Printable.escape(detail(failure)));
                failure.requestId().ifPresent(id -> environment.err().println("  request id: " + Printable.escape(id)));
                failure.envelope().flatMap(ErrorEnvelope::metaError).flatMap(MetaError::fbtraceId).ifPresent(trace ->
                        environment.err().println("  fbtrace id (for Meta's support): " + Printable.escape(trace)));
                if (!failure.context().bodyPreview().isEmpty()) {
                    environment.err().println("  body: " + Printable.escape(failure.context().bodyPreview()));
                }
            }
            environment.err().flush();
            return ExitCode.of(failure).code();
        }
        if (error instanceof IllegalArgumentException) {
            environment.err().println("engagive: " + Printable.escape(error.getMessage()));
            environment.err().flush();
            return ExitCode.USAGE.code();
        }
        environment.err().println("engagive: unexpected error: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + Printable.escape(error.getMessage())));
        environment.err().flush();
        return ExitCode.UNEXPECTED.code();
    }

    private static String detail(EngagiveException failure) {
        if (failure instanceof AuthenticationException auth) {
            return " (reason " + auth.reason() + ")";
        }
        if (failure instanceof PermissionException denied) {
            return " (reason " + denied.reason() + ", needs \""
                    + denied.requiredPermission() + "\")";
        }
        return failure.envelope().flatMap(ErrorEnvelope::metaError)
                .map(meta -> " (Meta reason " + meta.reason() + meta.code().map(code -> ", code " + code).orElse("")
                        + ", transient: " + meta.reason().isTransient() + ")")
                .orElse("");
    }
}
