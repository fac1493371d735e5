package io.engagive.sdk.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.JournalEntry;
import io.engagive.sdk.sandbox.Route;
import io.engagive.sdk.sandbox.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns against the sandbox over real HTTP: its record of sent messages is the oracle. */
class BulkAgainstTheSandboxTest {

    @TempDir
    Path directory;

    /** Without the spec check, which costs the sandbox more CPU than the sends; the sandbox's own tests keep it. */
    private final EngagiveSandbox sandbox = EngagiveSandbox.builder().threads(32).specConformanceCheck(false).start();
    private final EngagiveClient engagive = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
            .token(sandbox.defaultUser().token()).readTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, RowResult> ended = new ConcurrentHashMap<>();
    private final List<String> endedTwice = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BulkSender sender(BulkJournal journal, double rate, int inFlight) {
        return BulkSender.builder().client(engagive).journal(journal).account("1").messagesPerSecond(rate)
                .inFlight(inFlight).sendDeadline(Duration.ofSeconds(5)).listener(new BulkListener() {
                    @Override
                    public void rowEnded(RowResult result) {
                        if (ended.put(result.key(), result) != null) {
                            endedTwice.add(result.key());
                        }
                    }
                }).build();
    }

    private static List<BulkRow> rows(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new BulkRow("row-" + i, String.format("9230%08d", i),
                "hello_world", "en_US", List.of())).toList();
    }

    private Map<String, Long> sentByRecipient() {
        return sandbox.sentMessages().stream().collect(Collectors.groupingBy(SentMessage::to, Collectors.counting()));
    }

    @Test
    void tenThousandRowsUnderFaultsEachEndOnceAndTheSandboxSentExactlyTheSentRowsEachOnce() throws Exception {
        List<Supplier<Fault>> faults = List.of(Fault::answerLost, Fault::resetConnection, Fault::dropConnection,
                Fault::unavailable, () -> Fault.metaError(131026), Fault::truncatedBody, () -> Fault.metaError(131056),
                () -> Fault.htmlErrorPage(502));
        Random random = new Random(29);
        ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
        chaos.scheduleWithFixedDelay(() -> sandbox.inject(Route.SEND_TEMPLATE,
                faults.get(random.nextInt(faults.size())).get()), 0, 20, TimeUnit.MILLISECONDS);
        BulkSummary summary;
        try (BulkJournal journal = BulkJournal.sqlite(directory.resolve("campaign.db"))) {
            summary = sender(journal, 3000, 16).send(rows(10_000).iterator());
        } finally {
            chaos.shutdownNow();
        }

        Map<String, Long> sent = sentByRecipient();
        Map<RowOutcome, Long> outcomes = ended.values().stream()
                .collect(Collectors.groupingBy(RowResult::outcome, Collectors.counting()));
        assertThat(endedTwice).isEmpty();
        assertThat(ended).hasSize(10_000);
        assertThat(summary.total()).isEqualTo(10_000);
        assertThat(summary.pending()).isZero();
        assertThat(sent.values()).allSatisfy(times -> assertThat(times).isEqualTo(1));
        Map<RowOutcome, Integer> recorded = new HashMap<>();
        ended.values().forEach(row -> recorded.merge(row.outcome(), sent.containsKey(row.to()) ? 1 : 0, Integer::sum));
        assertThat(recorded.get(RowOutcome.SENT)).isEqualTo(outcomes.get(RowOutcome.SENT).intValue());
        assertThat(recorded.getOrDefault(RowOutcome.REFUSED, 0)).isZero();
        assertThat(sent).hasSize(recorded.get(RowOutcome.SENT) + recorded.getOrDefault(RowOutcome.UNKNOWN, 0));
        assertThat(outcomes).containsKeys(RowOutcome.SENT, RowOutcome.REFUSED, RowOutcome.UNKNOWN);
        sandbox.assertHealthy();
    }

    @Test
    void belowTheSandboxsThroughputLimitNoSendIsRefusedForIt() throws Exception {
        sandbox.limitMessages(100, Duration.ZERO);
        BulkSummary summary;
        try (BulkJournal journal = BulkJournal.sqlite(directory.resolve("campaign.db"))) {
            summary = sender(journal, 80, 8).send(rows(240).iterator());
        }

        assertThat(summary.sent()).isEqualTo(240);
        assertThat(sandbox.journal()).extracting(JournalEntry::status).doesNotContain(502);
        assertThat(sentByRecipient()).hasSize(240);
    }

    @Test
    void aboveTheSandboxsThroughputLimitTheCampaignSlowsAndStillSendsEveryRowOnce() throws Exception {
        sandbox.limitMessages(50, Duration.ZERO);
        BulkSummary summary;
        try (BulkJournal journal = BulkJournal.sqlite(directory.resolve("campaign.db"))) {
            summary = sender(journal, 200, 8).send(rows(150).iterator());
        }

        assertThat(summary.sent()).isEqualTo(150);
        assertThat(sandbox.journal()).extracting(JournalEntry::status).contains(502);
        assertThat(sentByRecipient()).hasSize(150).allSatisfy((to, times) -> assertThat(times).isEqualTo(1));
    }
}
