package io.engagive.sdk.bench;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.bulk.BulkJournal;
import io.engagive.sdk.bulk.BulkRow;
import io.engagive.sdk.bulk.BulkSender;
import io.engagive.sdk.bulk.CsvRows;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.TemplateContentJson;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The bulk sender's two benchmark figures, written as a Markdown section by {@code benchmarks/bulk.sh}:
 * <ol>
 *   <li>memory streaming 1,000,000 CSV rows into a journal: the heap after a collection every 100,000 rows, its
 *   least-squares trend, flat when the fitted growth is under 16 MiB;</li>
 *   <li>the sender at a rate it cannot reach against the same number of plain sends from as many threads as it has
 *   in flight, both against the sandbox in this process (spec check off), alternated after a warm-up; the median
 *   ratio, met at 1.10 or less.</li>
 * </ol>
 */
public final class BulkFigures {

    private static final int MILLION = 1_000_000;
    private static final int SENDS = 4000;
    private static final int IN_FLIGHT = 16;

    private BulkFigures() {
    }

    /**
     * Measures and prints the section.
     *
     * @param args the file to write the section to
     * @throws Exception when a measurement cannot run
     */
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("engagive-bulk-figures");
        StringBuilder section = new StringBuilder();
        section.append(memory(work)).append('\n').append(overhead(work));
        Files.writeString(Path.of(args[0]), section, StandardCharsets.UTF_8);
        System.out.print(section);
    }

    private static String memory(Path work) throws IOException {
        Path csv = work.resolve("million.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("key,to,name,order\n");
            for (int i = 1; i <= MILLION; i++) {
                out.write("order-" + i + ",92" + String.format(Locale.ROOT, "%010d", i) + ",Customer " + i + ",#" + i + "\n");
            }
        }
        List<double[]> samples = new ArrayList<>();
        long started = System.nanoTime();
        try (BulkJournal journal = BulkJournal.sqlite(work.resolve("million.db"));
                CsvRows rows = CsvRows.read(Files.newBufferedReader(csv, StandardCharsets.UTF_8), "order_shipped", "en_US",
                        List.of())) {
            Iterator<BulkRow> sampled = new Iterator<>() {
                private long read;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public BulkRow next() {
                    if (++read % 100_000 == 0) {
                        samples.add(new double[] {read, heapAfterCollection()});
                    }
                    return rows.next();
                }
            };
            journal.add(sampled, already -> { });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double slope = slope(samples.subList(1, samples.size()));
        double growth = slope * (samples.get(samples.size() - 1)[0] - samples.get(1)[0]);
        StringBuilder table = new StringBuilder("| rows read | heap after GC (MiB) |\n|---:|---:|\n");
        samples.forEach(sample -> table.append(String.format(Locale.ROOT, "| %,d | %.1f |%n", (long) sample[0], sample[1])));
        return String.format(Locale.ROOT, "**Streaming 1,000,000 CSV rows into a SQLite journal** (%.1f s, %,.0f rows/s; "
                + "-Xmx of the run: %d MiB):%n%n%s%nTrend after the first 100,000 rows: %+.2f MiB per 100,000 rows, fitted "
                + "%+.1f MiB over the run: **%s** (flat means under 16 MiB).%n", seconds, MILLION / seconds,
                Runtime.getRuntime().maxMemory() / 1048576, table, slope * 100_000, growth,
                Math.abs(growth) < 16 ? "flat, met" : "growing, missed");
    }

    private static String overhead(Path work) throws Exception {
        try (EngagiveSandbox sandbox = EngagiveSandbox.builder().threads(32).specConformanceCheck(false).start()) {
            EngagiveClient engagive = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
                    .token(sandbox.defaultUser().token()).build();
            plain(engagive);
            bulk(engagive, work, 0);
            List<Double> plain = new ArrayList<>();
            List<Double> bulk = new ArrayList<>();
            for (int round = 1; round <= 3; round++) {
                plain.add(plain(engagive));
                bulk.add(bulk(engagive, work, round));
            }
            plain.sort(null);
            bulk.sort(null);
            double ratio = bulk.get(1) / plain.get(1);
            return String.format(Locale.ROOT, "**The sender's overhead**: %,d sends against the sandbox in this process "
                    + "(spec check off), median of 3 alternated rounds after one warm-up each:%n%n"
                    + "| | seconds | sends/s |%n|---|---:|---:|%n"
                    + "| plain `sendTemplate` from %d threads | %.2f | %,.0f |%n"
                    + "| `BulkSender`, %d in flight, rate 10,000/s, SQLite journal | %.2f | %,.0f |%n%n"
                    + "Bulk / plain: **%.2f×** (target ≤ 1.10: **%s**). Rounds, plain: %s; bulk: %s.%n",
                    SENDS, IN_FLIGHT, plain.get(1), SENDS / plain.get(1), IN_FLIGHT, bulk.get(1), SENDS / bulk.get(1),
                    ratio, ratio <= 1.10 ? "met" : "missed", rounds(plain), rounds(bulk));
        }
    }

    private static double plain(EngagiveClient engagive) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT);
        long started = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            String to = "92" + String.format(Locale.ROOT, "%010d", i);
            sends.add(threads.submit(() -> engagive.messages().sendTemplate("1", new SendTemplateRequest().to(to)
                    .contentJson(new TemplateContentJson().templateName("hello_world").langCode("en_US")))));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        threads.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    private static double bulk(EngagiveClient engagive, Path work, int round) {
        List<BulkRow> rows = IntStream.range(0, SENDS).mapToObj(i -> new BulkRow("r" + i,
                "92" + String.format(Locale.ROOT, "%010d", i), "hello_world", "en_US", List.of())).toList();
        long started = System.nanoTime();
        try (BulkJournal journal = BulkJournal.sqlite(work.resolve("overhead-" + round + ".db"))) {
            BulkSender.builder().client(engagive).journal(journal).account("1").messagesPerSecond(10_000)
                    .inFlight(IN_FLIGHT).build().send(rows.iterator());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String rounds(List<Double> seconds) {
        return seconds.stream().map(value -> String.format(Locale.ROOT, "%.2f s", value)).toList().toString();
    }

    private static double heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static double slope(List<double[]> samples) {
        double meanX = samples.stream().mapToDouble(sample -> sample[0]).average().orElse(0);
        double meanY = samples.stream().mapToDouble(sample -> sample[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] sample : samples) {
            covariance += (sample[0] - meanX) * (sample[1] - meanY);
            variance += (sample[0] - meanX) * (sample[0] - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
