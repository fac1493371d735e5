package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.bulk.PostgresServer;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.SentMessage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code engagive messages send-bulk} processes — the shaded jar, as users run it — on one campaign in a real
 * PostgreSQL journal: every row sent at most once, each worker sending some, and their combined rate within 10 % of
 * the configured one.
 */
class SendBulkWorkersIT {

    private static final int ROWS = 600;
    private static final int RATE = 60;
    private static final int WORKERS = 3;

    @TempDir
    Path dir;

    private final EngagiveSandbox sandbox = EngagiveSandbox.builder().threads(32).start();
    private PostgresServer postgres;

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private Process worker(int number, Path csv) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx128m", "-jar", System.getProperty("engagive.cli.jar"), "messages",
                "send-bulk", "--csv", csv.toString(), "--template", "hello_world", "--language", "en_US",
                "--rate", Integer.toString(RATE), "--journal", postgres.jdbcUrl(), "--campaign", "notices",
                "--worker", "worker-" + number));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker-" + number + ".out").toFile());
        builder.environment().put("ENGAGIVE_BASE_URL", sandbox.baseUrl());
        builder.environment().put("ENGAGIVE_ACCOUNT_ID", "1");
        builder.environment().put("ENGAGIVE_API_TOKEN", sandbox.defaultUser().token());
        builder.environment().put("ENGAGIVE_JOURNAL_USER", "engagive");
        builder.environment().put("ENGAGIVE_JOURNAL_PASSWORD", "");
        return builder.start();
    }

    @Test
    void threeWorkerProcessesSendEveryRowOnceAndTogetherKeepTheRate() throws Exception {
        StringBuilder rows = new StringBuilder("key,to\n");
        for (int i = 1; i <= ROWS; i++) {
            rows.append("notice-").append(i).append(',').append(String.format("9230%08d", i)).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("rows.csv"), rows, StandardCharsets.UTF_8);

        List<Process> workers = new ArrayList<>();
        for (int number = 1; number <= WORKERS; number++) {
            workers.add(worker(number, csv));
        }
        // The sandbox's count of sent messages, sampled as they go: the rate between the 10th and 90th percent of
        // the rows leaves out the workers' start and end.
        long tenth = 0;
        long ninetieth = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ninetieth == 0 && System.nanoTime() < deadline) {
            int count = sandbox.sentMessages().size();
            if (tenth == 0 && count >= ROWS / 10) {
                tenth = System.nanoTime();
            }
            if (count >= ROWS * 9 / 10) {
                ninetieth = System.nanoTime();
            }
            Thread.sleep(5);
        }
        for (Process process : workers) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("a worker finished").isTrue();
        }
        for (int number = 1; number <= WORKERS; number++) {
            assertThat(workers.get(number - 1).exitValue()).as(Files.readString(dir.resolve("worker-" + number
                    + ".out"))).isZero();
        }

        Map<String, Long> sent = sandbox.sentMessages().stream()
                .collect(Collectors.groupingBy(SentMessage::to, Collectors.counting()));
        assertThat(sent).hasSize(ROWS).allSatisfy((to, times) -> assertThat(times).isEqualTo(1));
        Map<String, Integer> byWorker = new HashMap<>();
        try (Connection journal = DriverManager.getConnection(postgres.jdbcUrl(), "engagive", "");
                PreparedStatement query = journal.prepareStatement("SELECT worker, count(*) FROM engagive_bulk_rows "
                        + "WHERE campaign = 'notices' AND state = 'sent' GROUP BY worker");
                ResultSet sentRows = query.executeQuery()) {
            while (sentRows.next()) {
                byWorker.put(sentRows.getString(1), sentRows.getInt(2));
            }
        }
        assertThat(byWorker).as("rows each worker sent").hasSize(WORKERS)
                .allSatisfy((worker, count) -> assertThat(count).isPositive());
        assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS);
        double seconds = (ninetieth - tenth) / 1e9;
        System.out.printf("three worker processes: %.1f messages/s combined (configured %d), rows by worker %s%n",
                (ROWS * 9 / 10 - ROWS / 10) / seconds, RATE, byWorker);
        assertThat((ROWS * 9 / 10 - ROWS / 10) / seconds).as("combined rate over %.1f s", seconds)
                .isCloseTo(RATE, Percentage.withPercentage(10));
    }
}
