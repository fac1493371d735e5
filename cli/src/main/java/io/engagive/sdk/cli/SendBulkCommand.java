package io.engagive.sdk.cli;

import io.engagive.sdk.bulk.BulkJournal;
import io.engagive.sdk.bulk.BulkSender;
import io.engagive.sdk.bulk.BulkSummary;
import io.engagive.sdk.bulk.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code engagive messages send-bulk}: a template to every row of a CSV, paced, on a journal; the same command again
 * resumes, and no row is ever sent twice. Ctrl-C stops taking rows and lets the ones in flight finish.
 */
@Command(name = "send-bulk", mixinStandardHelpOptions = true, description = "Send an approved template to every row "
        + "of a CSV at a steady rate, on a journal: run the same command again to resume; no row is sent twice.")
final class SendBulkCommand implements Callable<Integer> {

    @ParentCommand
    private MessagesCommand messages;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The rows: a header with `to`, "
            + "optionally `key`, and the body parameters' columns.")
    private Path csv;

    @Option(names = "--template", required = true, paramLabel = "NAME", description = "Approved template name.")
    private String template;

    @Option(names = "--language", required = true, paramLabel = "CODE", description = "Template language, e.g. en_US.")
    private String language;

    @Option(names = "--journal", required = true, paramLabel = "FILE|URL", description = "Where the rows' states "
            + "live: a file (SQLite), or a jdbc:postgresql: URL shared by many workers.")
    private String journal;

    @Option(names = "--rate", defaultValue = "10", paramLabel = "PER_SECOND", description = "Messages per second "
            + "(default ${DEFAULT-VALUE}); shared by the workers of a PostgreSQL journal.")
    private double rate;

    @Option(names = "--in-flight", defaultValue = "8", paramLabel = "N", description = "Sends at once (default "
            + "${DEFAULT-VALUE}).")
    private int inFlight;

    @Option(names = "--param-columns", split = ",", paramLabel = "COLUMN", description = "The body parameters' "
            + "columns in order (default: every column but to and key).")
    private List<String> parameterColumns = List.of();

    @Option(names = "--campaign", defaultValue = "default", paramLabel = "NAME", description = "The campaign's name "
            + "in a PostgreSQL journal.")
    private String campaign;

    @Option(names = "--worker", paramLabel = "NAME", description = "This worker's name, stable across its restarts "
            + "(default: pid@host).")
    private String worker;

    @Option(names = "--report", paramLabel = "FILE", description = "Write one CSV line per row: key, to, outcome, "
            + "message id, reason.")
    private Path report;

    @Override
    public Integer call() {
        EngagiveCli root = messages.root();
        Environment environment = root.environment();
        CountDownLatch finished = new CountDownLatch(1);
        try (BulkJournal rows = JournalOption.open(journal, campaign, environment);
                CsvRows input = CsvRows.read(Files.newBufferedReader(csv, StandardCharsets.UTF_8), template, language,
                        parameterColumns)) {
            BulkProgressPrinter progress = new BulkProgressPrinter(environment);
            var builder = BulkSender.builder().client(root.client()).journal(rows).account(root.account())
                    .messagesPerSecond(rate).inFlight(inFlight).listener(progress);
            if (worker != null) {
                builder.worker(worker);
            }
            BulkSender sender = builder.build();
            Thread onInterrupt = new Thread(() -> {
                sender.stop();
                awaitQuietly(finished);
            }, "engagive-bulk-stop");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            BulkSummary summary;
            try {
                summary = sender.send(input);
            } finally {
                finished.countDown();
            }
            progress.finish(summary);
            sender.stoppedBecause().ifPresent(reason -> environment.err().println("engagive: stopped: " + reason));
            if (report != null) {
                BulkReport.write(rows, report);
                environment.out().println("report: " + report);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this run, which has just ended
                environment.err().println("engagive: stopped on request; run the same command again to resume");
            }
            return summary.unknown() > 0 || summary.pending() > 0 ? ExitCode.INCOMPLETE.code() : ExitCode.OK.code();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
