package io.engagive.sdk.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Three workers on one campaign in a real PostgreSQL: no row sent twice, and together they keep the configured rate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresWorkersTest {

    private PostgresServer postgres;
    private final EngagiveSandbox sandbox = EngagiveSandbox.builder().threads(32).specConformanceCheck(false).start();

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private BulkJournal journal(String campaign) {
        return BulkJournal.postgres(postgres.jdbcUrl(), "engagive", "", campaign);
    }

    @Test
    void threeWorkersSendEveryRowAtMostOnceAndTogetherKeepTheRate() throws Exception {
        EngagiveClient engagive = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
                .token(sandbox.defaultUser().token()).build();
        List<BulkRow> rows = IntStream.rangeClosed(1, 600).mapToObj(i -> new BulkRow("row-" + i,
                String.format("9230%08d", i), "hello_world", "en_US", List.of())).toList();
        try (BulkJournal loader = journal("rate")) {
            loader.add(rows.iterator(), result -> { });
        }
        Map<String, Instant> endedAt = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        List<Future<BulkSummary>> runs = new ArrayList<>();
        List<BulkJournal> journals = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            BulkJournal journal = journal("rate");
            journals.add(journal);
            BulkSender sender = BulkSender.builder().client(engagive).journal(journal).account("1")
                    .messagesPerSecond(150).inFlight(4).worker("worker-" + i).listener(new BulkListener() {
                        @Override
                        public void rowEnded(RowResult result) {
                            endedAt.put(result.key(), Instant.now());
                        }
                    }).build();
            runs.add(workers.submit(sender::resume));
        }
        for (Future<BulkSummary> run : runs) {
            run.get();
        }
        workers.shutdown();
        journals.forEach(BulkJournal::close);
        try (BulkJournal after = journal("rate")) {
            assertThat(after.summary()).isEqualTo(new BulkSummary(600, 600, 0, 0, 0, 0, 0));
        }

        Map<String, Long> sent = sandbox.sentMessages().stream()
                .collect(Collectors.groupingBy(SentMessage::to, Collectors.counting()));
        assertThat(sent).hasSize(600).allSatisfy((to, times) -> assertThat(times).isEqualTo(1));
        List<Instant> times = endedAt.values().stream().sorted().toList();
        double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
        assertThat(599 / seconds).isCloseTo(150, org.assertj.core.data.Percentage.withPercentage(10));
    }
}
