package io.engagive.sdk.cli;

import io.engagive.sdk.bulk.BulkJournal;
import io.engagive.sdk.bulk.BulkSummary;
import io.engagive.sdk.bulk.RowOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code engagive messages campaign status|unknown|resend}: a bulk campaign's journal, read and acted on deliberately. */
@Command(name = "campaign", mixinStandardHelpOptions = true, description = "A bulk campaign's journal: its status, "
        + "its unknown rows, and resending them deliberately.")
final class CampaignCommand {

    @ParentCommand
    private MessagesCommand messages;

    @Spec
    private CommandSpec spec;

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The campaign's rows by state.")
    int status(@Option(names = "--journal", required = true, paramLabel = "FILE|URL") String journal,
            @Option(names = "--campaign", defaultValue = "default", paramLabel = "NAME") String campaign) {
        try (BulkJournal rows = JournalOption.open(journal, campaign, environment())) {
            BulkSummary summary = rows.summary();
            environment().out().println(String.format(Locale.ROOT, "%d rows: %d sent, %d refused, %d unknown, %d pending, "
                    + "%d being sent", summary.total(), summary.sent(), summary.refused(), summary.unknown(),
                    summary.pending(), summary.sending()));
            return summary.unknown() > 0 || !summary.finished() ? ExitCode.INCOMPLETE.code() : ExitCode.OK.code();
        }
    }

    @Command(name = "unknown", mixinStandardHelpOptions = true, description = "The rows that may have been sent "
            + "(key, to, reason), as CSV: check them before resending any.")
    int unknown(@Option(names = "--journal", required = true, paramLabel = "FILE|URL") String journal,
            @Option(names = "--campaign", defaultValue = "default", paramLabel = "NAME") String campaign) {
        try (BulkJournal rows = JournalOption.open(journal, campaign, environment())) {
            environment().out().println("key,to,reason");
            rows.forEach(RowOutcome.UNKNOWN, row -> environment().out().println(BulkReport.field(row.key()) + ","
                    + BulkReport.field(row.to()) + "," + BulkReport.field(row.reason().orElse(""))));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true, description = "Make unknown rows pending again, so "
            + "the next send-bulk sends them: only for rows checked not to have been sent.")
    int resend(@Option(names = "--journal", required = true, paramLabel = "FILE|URL") String journal,
            @Option(names = "--campaign", defaultValue = "default", paramLabel = "NAME") String campaign,
            @Option(names = "--key", paramLabel = "KEY", description = "A row's key; repeat for more.") List<String> keys,
            @Option(names = "--all-unknown", description = "Every unknown row.") boolean all) {
        if ((keys == null || keys.isEmpty()) == !all) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give --key KEY (repeatable) or --all-unknown");
        }
        try (BulkJournal rows = JournalOption.open(journal, campaign, environment())) {
            List<String> chosen = new ArrayList<>();
            if (all) {
                rows.forEach(RowOutcome.UNKNOWN, row -> chosen.add(row.key()));
            } else {
                chosen.addAll(keys);
            }
            int again = rows.resend(chosen);
            environment().out().println(again + " row(s) will be sent by the next send-bulk run");
            return ExitCode.OK.code();
        }
    }

    private Environment environment() {
        return messages.root().environment();
    }
}
