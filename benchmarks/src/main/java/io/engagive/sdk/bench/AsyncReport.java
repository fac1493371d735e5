package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the async section of RESULTS.md from {@link AsyncBenchmark}'s JMH results, between its two markers (the
 * section lives in the hand-written part that {@code run.sh} keeps). Run as
 * {@code java AsyncReport MACHINE_JSON COMMON_POOL_JSON RESULTS_MD "HEADER LINE"}.
 */
public final class AsyncReport {

    static final String START = "<!-- async figures: written by benchmarks/async.sh -->";
    static final String END = "<!-- end of async figures -->";

    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("blockingClient", "the blocking client, one pool thread per call in flight");
        ROWS.put("asyncClient", "`engagive.async()`");
        ROWS.put("rawSendAsync", "raw java.net.http `sendAsync` + Jackson, nothing else");
    }

    private AsyncReport() {
    }

    public static void main(String[] args) throws IOException {
        Path page = Path.of(args[2]);
        boolean sendAsync = new java.util.concurrent.CompletableFuture<Void>().defaultExecutor()
                instanceof java.util.concurrent.ForkJoinPool;
        int cpus = Runtime.getRuntime().availableProcessors();
        StringBuilder section = new StringBuilder(START).append('\n').append(args[3]).append("\n\n")
                .append("**As this machine is** (").append(cpus).append(" CPU seen by the forks; ")
                .append(sendAsync ? "the async view sent with java.net.http's `sendAsync`" : "java.net.http's "
                        + "`sendAsync` would start a thread per call here — raw `sendAsync` below pays it — so the async "
                        + "view sent with the blocking `send` on its own threads").append("):\n\n");
        table(section, scores(Path.of(args[0])));
        section.append("\n**With the common pool's parallelism at 4**, as on a machine of three CPUs or more "
                + "(`-Djava.util.concurrent.ForkJoinPool.common.parallelism=4`; the async view sent with `sendAsync`):\n\n");
        table(section, scores(Path.of(args[1])));
        section.append(END);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated = start < 0 ? text.stripTrailing() + "\n\n## The async view\n\n" + section + "\n"
                : text.substring(0, start) + section + text.substring(end + END.length());
        Files.writeString(page, updated, StandardCharsets.UTF_8);
        System.out.println("async figures written to " + page);
    }

    private static Map<String, Map<String, double[]>> scores(Path results) throws IOException {
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(results.toFile())) {
            String name = run.get("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            JsonNode metric = run.get("primaryMetric");
            scores.computeIfAbsent(method, any -> new LinkedHashMap<>()).put(run.get("params").get("concurrency")
                    .asText(), new double[] {metric.get("score").asDouble(), metric.get("scoreError").asDouble()});
        }
        return scores;
    }

    private static void table(StringBuilder section, Map<String, Map<String, double[]>> scores) {
        section.append("| calls/s (± 99.9 % error) | 8 in flight | 64 in flight |\n|---|---:|---:|\n");
        for (Map.Entry<String, String> row : ROWS.entrySet()) {
            Map<String, double[]> byConcurrency = scores.getOrDefault(row.getKey(), Map.of());
            section.append("| ").append(row.getValue());
            for (String concurrency : new String[] {"8", "64"}) {
                double[] score = byConcurrency.get(concurrency);
                section.append(" | ").append(score == null ? "—" : String.format(Locale.ROOT, "%,.0f ± %,.0f",
                        score[0], score[1]));
            }
            section.append(" |\n");
        }
        section.append('\n');
        for (String concurrency : new String[] {"8", "64"}) {
            double[] async = scores.getOrDefault("asyncClient", Map.of()).get(concurrency);
            double[] blocking = scores.getOrDefault("blockingClient", Map.of()).get(concurrency);
            double[] raw = scores.getOrDefault("rawSendAsync", Map.of()).get(concurrency);
            if (async != null && blocking != null && raw != null) {
                section.append(String.format(Locale.ROOT, "At %s in flight the async view makes %.2f× the blocking "
                        + "client's calls/s and %.2f× raw `sendAsync`'s.%n", concurrency, async[0] / blocking[0],
                        async[0] / raw[0]));
            }
        }
    }
}
