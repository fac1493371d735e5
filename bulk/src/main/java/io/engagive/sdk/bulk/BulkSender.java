package io.engagive.sdk.bulk;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a campaign of template messages at a steady rate with a bounded number in flight, on a durable journal, so
 * that no row is ever sent twice: each row is marked "sending" in the journal before its request leaves; a refusal
 * that proves the message was not sent puts the row back (a throughput limit or 429 slows the whole campaign, a pair
 * rate limit delays that recipient only); anything that may have reached WhatsApp ends the row as unknown, and only
 * {@link BulkJournal#resend} sends it again. A run that stops at any point is resumed by running again.
 *
 * <pre>{@code
 * try (BulkJournal journal = BulkJournal.sqlite(Path.of("campaign.db"))) {
 *     BulkSummary summary = BulkSender.builder().client(engagive).journal(journal).account("1")
 *             .messagesPerSecond(50).build()
 *             .send(rows);
 * }
 * }</pre>
 */
public final class BulkSender {

    private static final int GIVE_UP_AFTER_PUT_BACKS = 20;

    private final EngagiveClient perSend;
    private final BulkJournal journal;
    private final String account;
    private final Duration interval;
    /** The most rows one claim takes. */
    private static final int MOST_CLAIMED = 256;

    private final int inFlight;
    private final BulkListener listener;
    private final String worker;
    private final Pace pace;
    private final Map<String, Integer> putBacks = new ConcurrentHashMap<>();
    private final AtomicLong slowdown = new AtomicLong(1000);
    private volatile boolean stopping;
    private volatile String stoppedBecause;

    BulkSender(BulkSenderBuilder builder) {
        this.perSend = builder.client().withOptions(options -> options.retryPolicy(RetryPolicy.builder()
                .deadline(builder.sendDeadline()).build()));
        this.journal = builder.journal();
        this.account = builder.account();
        this.interval = Duration.ofNanos(Math.max(1, Math.round(1e9 / builder.messagesPerSecond())));
        this.inFlight = builder.inFlight();
        this.listener = builder.listener();
        this.worker = builder.worker();
        this.pace = builder.pace();
    }

    /**
     * Returns a builder.
     *
     * @return a builder with the documented defaults
     */
    public static BulkSenderBuilder builder() {
        return new BulkSenderBuilder();
    }

    /**
     * Adds the rows to the journal (streaming; rows an earlier run ended are reported as already done) and sends every
     * pending row.
     *
     * @param rows the campaign's rows, read once
     * @return the campaign's rows by state, with this run's already-done count
     * @throws BulkJournalException when the journal fails; what it holds stays true
     */
    public BulkSummary send(Iterator<BulkRow> rows) {
        AtomicLong alreadyDone = new AtomicLong();
        journal.add(rows, result -> {
            alreadyDone.incrementAndGet();
            listener.rowEnded(result);
        });
        return run(alreadyDone.get());
    }

    /**
     * Sends every pending row of the journal: a campaign resumed, or a worker joining one.
     *
     * @return the campaign's rows by state
     */
    public BulkSummary resume() {
        return run(0);
    }

    /** Stops taking rows; the rows in flight finish and are journaled, the rest stay pending for the next run. */
    public void stop() {
        stopping = true;
    }

    /**
     * Tells why the last run stopped before the end, if it did (a refused token stops a campaign).
     *
     * @return the reason, or empty when it was not stopped or was stopped by {@link #stop()}
     */
    public Optional<String> stoppedBecause() {
        return Optional.ofNullable(stoppedBecause);
    }

    private BulkSummary run(long alreadyDone) {
        stopping = false;
        stoppedBecause = null;
        journal.abandonSending(worker);
        Semaphore slots = new Semaphore(inFlight);
        ExecutorService senders = Executors.newFixedThreadPool(inFlight, runnable -> {
            Thread thread = new Thread(runnable, "engagive-bulk-" + worker);
            thread.setDaemon(true);
            return thread;
        });
        ProgressReporter progress = ProgressReporter.start(journal, listener, interval, alreadyDone);
        try {
            Deque<BulkRow> claimed = new ArrayDeque<>();
            Instant turn = Instant.MIN;
            Duration step = currentInterval();
            while (!stopping) {
                slots.acquire();
                if (stopping) {
                    slots.release();
                    break;
                }
                if (claimed.isEmpty()) {
                    claimed.addAll(journal.claim(worker, pace.now(), claimBatch()));
                    if (claimed.isEmpty()) {
                        slots.release();
                        Optional<Instant> next = journal.nextPending();
                        if (next.isEmpty() && slots.availablePermits() == inFlight) {
                            break;
                        }
                        Instant soon = pace.now().plusMillis(50);
                        pace.waitUntil(next.filter(time -> time.isBefore(soon)).orElse(soon));
                        continue;
                    }
                    step = currentInterval();
                    turn = journal.nextTurns(step, claimed.size(), pace.now());
                }
                BulkRow row = claimed.poll();
                pace.waitUntil(turn);
                turn = turn.plus(step);
                if (stopping) {
                    claimed.addFirst(row);
                    slots.release();
                    break;
                }
                senders.execute(() -> {
                    try {
                        sendOne(row);
                    } finally {
                        slots.release();
                    }
                });
            }
            for (BulkRow unsent : claimed) {
                journal.putBack(unsent.key(), pace.now(), "the run stopped before this row was sent");
            }
            slots.acquire(inFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            senders.shutdown();
            progress.stop();
        }
        BulkSummary now = journal.summary();
        return new BulkSummary(now.total(), now.sent(), now.refused(), now.unknown(), alreadyDone, now.pending(),
                now.sending());
    }

    /**
     * How many rows one claim takes: as many as go out within about 100 ms at the rate, at most
     * {@value #MOST_CLAIMED}, so a crash leaves at most that many claimed rows unsent (they become unknown, never
     * resent), and one durable commit serves many sends at high rates.
     */
    private int claimBatch() {
        return (int) Math.max(1, Math.min(MOST_CLAIMED, Duration.ofMillis(100).toNanos() / currentInterval().toNanos()));
    }

    private Duration currentInterval() {
        return interval.multipliedBy(slowdown.get()).dividedBy(1000);
    }

    private void sendOne(BulkRow row) {
        RowResult result;
        try {
            SendTemplateResponse response = perSend.messages().sendTemplate(account, request(row));
            result = new RowResult(row.key(), row.to(), RowOutcome.SENT, MessageIds.of(response.getMetaResponse()),
                    Optional.empty());
            speedUp();
        } catch (EngagiveException failure) {
            Verdict verdict = Verdict.of(failure);
            if (verdict.kind() == Verdict.Kind.PUT_BACK || verdict.kind() == Verdict.Kind.STOP) {
                if (putBack(row, verdict)) {
                    return;
                }
                result = new RowResult(row.key(), row.to(), RowOutcome.REFUSED, Optional.empty(),
                        Optional.of("gave up after " + GIVE_UP_AFTER_PUT_BACKS + " refusals that it was not sent; the last: "
                                + verdict.reason()));
            } else {
                result = new RowResult(row.key(), row.to(), verdict.kind() == Verdict.Kind.REFUSED ? RowOutcome.REFUSED
                        : RowOutcome.UNKNOWN, Optional.empty(), verdict.reasonText());
            }
        } catch (RuntimeException unexpected) {
            result = new RowResult(row.key(), row.to(), RowOutcome.UNKNOWN, Optional.empty(),
                    Optional.of("an unexpected failure while sending: " + unexpected));
        }
        journal.end(result);
        listener.rowEnded(result);
    }

    /** Puts a provably unsent row back, slowing or stopping the campaign as the refusal says; false when it gave up. */
    private boolean putBack(BulkRow row, Verdict verdict) {
        if (verdict.kind() == Verdict.Kind.STOP) {
            stoppedBecause = verdict.reason();
            stopping = true;
        } else if (putBacks.merge(row.key(), 1, Integer::sum) > GIVE_UP_AFTER_PUT_BACKS) {
            return false;
        }
        Instant retryAt = pace.now().plus(verdict.retryIn());
        if (verdict.slowsCampaign()) {
            journal.pause(retryAt);
            slowdown.updateAndGet(permille -> Math.min(10_000, permille * 5 / 4));
        }
        journal.putBack(row.key(), retryAt, verdict.reason());
        return true;
    }

    /** After a slow-down, each send brings the rate back a little towards the configured one. */
    private void speedUp() {
        slowdown.updateAndGet(permille -> Math.max(1000, permille - Math.max(1, permille / 100)));
    }

    private static SendTemplateRequest request(BulkRow row) {
        TemplateContentJson content = new TemplateContentJson().templateName(row.template()).langCode(row.language());
        if (!row.parameters().isEmpty()) {
            List<Map<String, Object>> parameters = new ArrayList<>();
            row.parameters().forEach(text -> parameters.add(Map.of("type", "text", "text", text)));
            content.components(List.of(Map.of("type", "body", "parameters", parameters)));
        }
        return new SendTemplateRequest().to(row.to()).contentJson(content);
    }

    @Override
    public String toString() {
        return "BulkSender{account=" + account + ", interval=" + interval + ", inFlight=" + inFlight + ", worker="
                + worker + "}";
    }

    static String requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
