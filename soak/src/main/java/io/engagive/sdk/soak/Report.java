package io.engagive.sdk.soak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The soak's invariants, each as counts with a verdict, printed as a table; {@link #held()} when all hold. */
final class Report {

    /** One invariant: what it says, what was counted, and whether it held. */
    record Line(String invariant, String counted, boolean held) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String title;

    Report(ChaosSoak.Settings settings, Tally tally, LeakScanner scanner, long logLines,
            long rotations, long faults, ChaosSoak.Resources resources, List<String> sandboxProblems) {
        this.title = String.format("Chaos soak: %d s, %d threads, sandbox %s; %,d calls (%,d succeeded), %,d faults "
                + "injected, %,d token rotations, %,d log lines", settings.seconds(), settings.threads(),
                resources.sameProcess() ? "in this process" : "in its own process (" + settings.sandboxAdmin() + ")",
                tally.calls(), tally.successes(), faults, rotations, logLines);
        Map<SendOutcome, Integer> byOutcome = new EnumMap<>(SendOutcome.class);
        Map<SendOutcome, Integer> disagreeing = new EnumMap<>(SendOutcome.class);
        int recordedOfUnknown = 0;
        long duplicates = 0;
        long recordedRecipients = 0;
        Ledger sends = tally.sends();
        Map<String, Integer> strangers = sends.strangers();
        long unexplained = strangers.size();
        for (long recipient = 1; recipient <= sends.issued(); recipient++) {
            int times = sends.recordedTimes(recipient);
            SendOutcome outcome = sends.outcome(recipient);
            recordedRecipients += times > 0 ? 1 : 0;
            duplicates += times > 1 ? 1 : 0;
            if (outcome == null) {
                unexplained += times > 0 ? 1 : 0;
                continue;
            }
            byOutcome.merge(outcome, 1, Integer::sum);
            if (!outcome.allows(times)) {
                disagreeing.merge(outcome, 1, Integer::sum);
            }
            if (outcome == SendOutcome.UNKNOWN) {
                recordedOfUnknown += times;
            }
        }
        duplicates += strangers.values().stream().filter(times -> times > 1).count();
        recordedRecipients += strangers.size();
        lines.add(new Line("no send recorded twice", duplicates + " recorded more than once, of "
                + recordedRecipients + " recorded", duplicates == 0));
        lines.add(new Line("every success recorded exactly once", count(disagreeing, SendOutcome.SENT)
                + " disagree, of " + count(byOutcome, SendOutcome.SENT) + " sent", count(disagreeing, SendOutcome.SENT) == 0));
        lines.add(new Line("nothing recorded for a refused send", count(disagreeing, SendOutcome.REFUSED) + " recorded, of "
                + count(byOutcome, SendOutcome.REFUSED) + " refused", count(disagreeing, SendOutcome.REFUSED) == 0));
        lines.add(new Line("nothing recorded for a send that never left", count(disagreeing, SendOutcome.NOT_SENT)
                + " recorded, of " + count(byOutcome, SendOutcome.NOT_SENT) + " not sent",
                count(disagreeing, SendOutcome.NOT_SENT) == 0));
        lines.add(new Line("an unknown send recorded at most once", recordedOfUnknown + " recorded of "
                + count(byOutcome, SendOutcome.UNKNOWN) + " unknown, " + count(disagreeing, SendOutcome.UNKNOWN)
                + " more than once", count(disagreeing, SendOutcome.UNKNOWN) == 0));
        lines.add(new Line("no send recorded that no worker made", unexplained + " unexplained", unexplained == 0));
        lines.add(new Line("no token in logs, exceptions or events", scanner.leaks() + " found in "
                + String.format("%,d", scanner.scanned()) + " texts scanned", scanner.leaks() == 0));
        lines.add(new Line("only typed exceptions", tally.untyped() + " untyped; typed: " + tally.typedByType(),
                tally.untyped() == 0));
        lines.add(new Line("every call within its deadline + " + ChaosSoak.MARGIN.toMillis() + " ms",
                tally.overDeadline() + " over " + ChaosSoak.DEADLINE.plus(ChaosSoak.MARGIN).toMillis() + " ms; longest "
                        + tally.longest().toMillis() + " ms", tally.overDeadline() == 0));
        lines.add(new Line("the sandbox healthy", sandboxProblems.size() + " problems", sandboxProblems.isEmpty()));
        for (Trend trend : resources.all()) {
            lines.add(new Line(trend.describe().substring(0, 34).strip() + " flat",
                    trend.describe().substring(34).strip(), trend.flat()));
        }
        scanner.examples().forEach(example -> notes.add("token found: " + example));
        tally.untypedExamples().forEach(example -> notes.add("untyped: " + example));
        sandboxProblems.stream().limit(5).forEach(problem -> notes.add("sandbox: " + problem));
        if (resources.sameProcess()) {
            notes.add("the client and the sandbox share one process here: the figures are the two together");
        }
    }

    private static int count(Map<SendOutcome, Integer> counts, SendOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    boolean held() {
        return lines.stream().allMatch(Line::held);
    }

    void print(PrintStream out) {
        out.println(title);
        for (Line line : lines) {
            out.printf("  %-5s %-48s %s%n", line.held() ? "ok" : "FAIL", line.invariant(), line.counted());
        }
        notes.forEach(note -> out.println("  note: " + note));
        out.println(held() ? "every invariant held" : "AN INVARIANT FAILED");
    }

    String markdown() {
        StringBuilder text = new StringBuilder("**").append(title).append("**\n\n| invariant | counted | verdict |\n|---|---|---|\n");
        for (Line line : lines) {
            text.append("| ").append(line.invariant()).append(" | ").append(line.counted().replace("|", "\\|"))
                    .append(" | ").append(line.held() ? "held" : "**failed**").append(" |\n");
        }
        notes.forEach(note -> text.append("\n- ").append(note));
        return text.append('\n').toString();
    }
}
