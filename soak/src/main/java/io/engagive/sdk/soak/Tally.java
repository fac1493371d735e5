package io.engagive.sdk.soak;

import io.engagive.sdk.error.EngagiveException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** Everything the workers saw, counted: calls, typed failures by type, untyped ones, durations, each send's outcome. */
final class Tally {

    private final LeakScanner scanner;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong untyped = new AtomicLong();
    private final AtomicLong overDeadline = new AtomicLong();
    private final LongAccumulator longestNanos = new LongAccumulator(Math::max, 0);
    private final Map<String, AtomicLong> typed = new ConcurrentHashMap<>();
    private final Ledger sends = new Ledger();
    private final ConcurrentLinkedQueue<String> untypedExamples = new ConcurrentLinkedQueue<>();

    Tally(LeakScanner scanner) {
        this.scanner = scanner;
    }

    void succeeded() {
        successes.incrementAndGet();
    }

    /** Counts a typed failure and scans all it says (message, context, causes) for the token. */
    void failedTyped(EngagiveException failure) {
        typed.computeIfAbsent(failure.getClass().getSimpleName(), name -> new AtomicLong()).incrementAndGet();
        scanner.scan("exception message", failure.getMessage());
        scanner.scan("exception", failure.toString());
        scanner.scan("error context", String.valueOf(failure.context()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            scanner.scan("exception cause", cause.toString());
        }
    }

    void failedUntyped(Throwable failure) {
        untyped.incrementAndGet();
        scanner.scan("untyped exception", failure.toString());
        if (untypedExamples.size() < 5) {
            untypedExamples.add(failure.toString());
        }
    }

    void took(Duration duration, Duration limit) {
        calls.incrementAndGet();
        longestNanos.accumulate(duration.toNanos());
        if (duration.compareTo(limit) > 0) {
            overDeadline.incrementAndGet();
        }
    }

    /** Returns a recipient no other send of this run uses. */
    String nextRecipient() {
        return sends.nextRecipient();
    }

    void sendEnded(String recipient, SendOutcome outcome) {
        sends.ended(recipient, outcome);
    }

    long calls() {
        return calls.get();
    }

    long successes() {
        return successes.get();
    }

    long untyped() {
        return untyped.get();
    }

    long overDeadline() {
        return overDeadline.get();
    }

    Duration longest() {
        return Duration.ofNanos(longestNanos.get());
    }

    Map<String, Long> typedByType() {
        Map<String, Long> counts = new TreeMap<>();
        typed.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    /** Returns the sends: what became of each, and how often the sandbox recorded it. */
    Ledger sends() {
        return sends;
    }

    Iterable<String> untypedExamples() {
        return untypedExamples;
    }
}
