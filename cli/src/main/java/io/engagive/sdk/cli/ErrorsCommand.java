package io.engagive.sdk.cli;

import io.engagive.sdk.error.MetaErrorReason;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code engagive errors explain CODE}: what the toolkit knows about a WhatsApp (Meta) error code. */
@Command(name = "errors", mixinStandardHelpOptions = true, description = "Explain errors.",
        subcommands = ErrorsCommand.Explain.class)
final class ErrorsCommand {

    @ParentCommand
    private EngagiveCli root;

    /** {@code engagive errors explain CODE}. */
    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Print what a WhatsApp (Meta) error "
            + "code means for a sender: its reason, whether the same request can succeed later, and what to do.")
    static final class Explain implements Callable<Integer> {

        @ParentCommand
        private ErrorsCommand parent;

        @Parameters(paramLabel = "CODE", description = "Meta's error code, e.g. 131047.")
        private String code;

        @Override
        public Integer call() {
            PrintWriter out = parent.root.environment().out();
            if (!code.strip().matches("\\d{1,18}")) {
                parent.root.environment().err().println("engagive: a Meta error code is a number, e.g. 131047");
                parent.root.environment().err().flush();
                return ExitCode.USAGE.code();
            }
            long value = Long.parseLong(code.strip());
            MetaErrorReason reason = MetaErrorReason.of(Optional.of(value));
            out.println("Meta error " + value + ": " + reason + (reason == MetaErrorReason.UNKNOWN
                    ? " (not in Meta's error-code reference as this toolkit read it on 2026-11-26)" : ""));
            out.println("  can the same request succeed later: " + (reason.isTransient() ? "yes" : "no")
                    + " (a send is never repeated automatically)");
            out.println("  what to do: " + reason.advice());
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
