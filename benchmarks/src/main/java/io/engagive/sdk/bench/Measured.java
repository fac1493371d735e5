package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One benchmark's figures at one thread count, merged over the rounds {@code run.sh} measured it in (one fork each,
 * the rounds in alternating order, so a machine that drifts over minutes drifts under every row alike).
 *
 * @param name the benchmark method
 * @param opsPerSecond threads × 10⁶ ÷ mean µs (every thread calls back to back)
 * @param opsError the throughput's error, as the mean's
 * @param meanMicros the mean time per call over every sample of every round
 * @param meanError half the spread between the rounds' means, or JMH's error of a single round
 * @param p50 the median of every sample
 * @param p99 the 99th percentile of every sample
 * @param bytes bytes allocated per call, the mean of the rounds'
 * @param drift how much faster each fork's second half of iterations ran than its first half, averaged
 * @param rounds how many rounds measured it
 */
record Measured(String name, double opsPerSecond, double opsError, double meanMicros, double meanError, double p50,
        double p99, double bytes, double drift, int rounds) {

    /** The share of the throughput its error is. */
    double opsErrorShare() {
        return opsError / opsPerSecond;
    }

    /** The share of the mean its error is. */
    double meanErrorShare() {
        return meanError / meanMicros;
    }

    /**
     * Merges each benchmark's runs over the rounds.
     *
     * @param runs every run of one thread count ({@link #runs})
     * @param names the benchmarks wanted, in the order to list them
     * @return the figures by benchmark, in that order; a benchmark with no run is left out
     */
    static Map<String, Measured> merged(List<JsonNode> runs, Collection<String> names) {
        Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            byName.computeIfAbsent(run.path("benchmark").asText().replaceAll(".*\\.", ""), any -> new ArrayList<>())
                    .add(run);
        }
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (String name : names) {
            List<JsonNode> rounds = byName.get(name);
            if (rounds != null) {
                measured.put(name, merge(name, rounds));
            }
        }
        return measured;
    }

    /**
     * Every run of one thread count, from its round files.
     *
     * @param json the mapper
     * @param results the results folder
     * @param threads the thread count
     * @return the runs, one per benchmark and round
     */
    static List<JsonNode> runs(ObjectMapper json, Path results, int threads) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(path -> path.getFileName().toString()
                    .matches("jmh-threads-" + threads + "-.*\\.json")).sorted().toList()) {
                json.readTree(file.toFile()).forEach(runs::add);
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalStateException("no jmh-threads-" + threads + "-*.json in " + results);
        }
        return runs;
    }

    private static Measured merge(String name, List<JsonNode> rounds) {
        TreeMap<Double, Long> samples = new TreeMap<>();
        List<JsonNode> forks = new ArrayList<>();
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        double bytes = 0;
        for (JsonNode round : rounds) {
            JsonNode timing = round.path("primaryMetric");
            timing.path("rawDataHistogram").forEach(fork -> {
                forks.add(fork);
                fork.forEach(iteration -> iteration.forEach(bucket ->
                        samples.merge(bucket.get(0).asDouble(), bucket.get(1).asLong(), Long::sum)));
            });
            lowest = Math.min(lowest, timing.path("score").asDouble());
            highest = Math.max(highest, timing.path("score").asDouble());
            bytes += round.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble();
        }
        double total = 0;
        long count = 0;
        for (Map.Entry<Double, Long> bucket : samples.entrySet()) {
            total += bucket.getKey() * bucket.getValue();
            count += bucket.getValue();
        }
        double mean = total / count;
        double meanError = rounds.size() > 1 ? (highest - lowest) / 2
                : rounds.get(0).path("primaryMetric").path("scoreError").asDouble();
        double ops = rounds.get(0).path("threads").asInt() * 1e6 / mean;
        return new Measured(name, ops, ops * meanError / mean, mean, meanError, percentile(samples, count, 0.50),
                percentile(samples, count, 0.99), bytes / rounds.size(), drift(forks), rounds.size());
    }

    private static double percentile(TreeMap<Double, Long> samples, long count, double share) {
        long wanted = (long) Math.ceil(share * count);
        long seen = 0;
        for (Map.Entry<Double, Long> bucket : samples.entrySet()) {
            seen += bucket.getValue();
            if (seen >= wanted) {
                return bucket.getKey();
            }
        }
        return samples.lastKey();
    }

    /**
     * How much faster a fork's second half of measured iterations ran than its first half, averaged over the forks
     * (a share of the first half's mean time): near 0 when warm-up was long enough, positive while the JIT still works.
     */
    private static double drift(List<JsonNode> forks) {
        double sum = 0;
        int counted = 0;
        for (JsonNode fork : forks) {
            int half = fork.size() / 2;
            if (half > 0) {
                double first = meanOf(fork, 0, half);
                sum += (first - meanOf(fork, fork.size() - half, fork.size())) / first;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    private static double meanOf(JsonNode iterations, int from, int to) {
        double total = 0;
        long count = 0;
        for (int i = from; i < to; i++) {
            for (JsonNode bucket : iterations.get(i)) {
                total += bucket.get(0).asDouble() * bucket.get(1).asLong();
                count += bucket.get(1).asLong();
            }
        }
        return total / count;
    }
}
