package io.engagive.sdk.cli;

import io.engagive.sdk.bulk.BulkListener;
import io.engagive.sdk.bulk.BulkProgress;
import io.engagive.sdk.bulk.BulkSummary;
import java.time.Duration;
import java.util.Locale;

/**
 * A campaign's progress: on a terminal one line redrawn each second (a bar, counts by outcome, rate, ETA); otherwise a
 * plain line every ten seconds, for logs.
 */
final class BulkProgressPrinter implements BulkListener {

    private static final int BAR = 24;

    private final Environment environment;
    private long reports;

    BulkProgressPrinter(Environment environment) {
        this.environment = environment;
    }

    @Override
    public synchronized void progress(BulkProgress progress) {
        reports++;
        if (environment.terminal()) {
            environment.err().print("\r" + line(progress) + "   ");
            environment.err().flush();
        } else if (reports % 10 == 1) {
            environment.err().println(line(progress));
        }
    }

    synchronized void finish(BulkSummary summary) {
        if (environment.terminal() && reports > 0) {
            environment.err().println();
        }
        environment.out().println(String.format(Locale.ROOT, "%d rows: %d sent, %d refused, %d unknown, %d already done "
                + "earlier, %d pending", summary.total(), summary.sent(), summary.refused(), summary.unknown(),
                summary.alreadyDone(), summary.pending()));
        if (summary.unknown() > 0) {
            environment.out().println("Unknown rows may have been sent and are never sent again by themselves: list "
                    + "them with `engagive messages campaign unknown`, resend checked ones with `… campaign resend`.");
        }
        if (summary.pending() > 0) {
            environment.out().println("Rows are still pending: run the same command again to resume.");
        }
        if (summary.sending() > 0) {
            environment.out().println(summary.sending() + " rows are being sent by other workers, or were left "
                    + "mid-send by a worker that stopped: that worker makes them unknown when it runs again.");
        }
    }

    static String line(BulkProgress progress) {
        BulkSummary summary = progress.summary();
        long done = summary.sent() + summary.refused() + summary.unknown();
        int filled = summary.total() == 0 ? BAR : (int) (BAR * done / summary.total());
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %d sent · %d refused · %d unknown · %d pending · %.1f/s · ETA %s",
                "#".repeat(filled), ".".repeat(BAR - filled), summary.total() == 0 ? 100 : 100 * done / summary.total(),
                summary.sent(), summary.refused(), summary.unknown(), summary.pending(), progress.messagesPerSecond(),
                progress.eta().map(BulkProgressPrinter::human).orElse("—"));
    }

    private static String human(Duration eta) {
        long seconds = eta.toSeconds();
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
