package io.engagive.sdk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code benchmarks/RESULTS.md} and the performance summary of {@code docs/performance.md} from the raw output of
 * {@code benchmarks/run.sh}: every table and every target verdict is computed here from the JMH
 * JSON and the other measurements, never typed. Text below {@link #KEPT} in RESULTS.md (the
 * profile's findings) is kept as it is.
 */
public final class ResultsReport {

    /** The line in RESULTS.md below which the hand-written findings start. */
    static final String KEPT = "<!-- Written by hand below this line; benchmarks/run.sh keeps it. -->";
    /** The lines of docs/performance.md around the generated summary. */
    static final String SUMMARY_START = "<!-- performance summary: written by benchmarks/run.sh -->";
    static final String SUMMARY_END = "<!-- end of performance summary -->";

    private static final List<String> FLOORS = List.of("rawUrlConnection", "raw", "rawStream", "rawDirectExecutor",
            "rawOkHttp", "rawApache");

    /** Each way the client was measured, with the raw floor of its transport (java.net.http's with its work inline). */
    private static final List<List<String>> TRANSPORTS = List.of(List.of("full", "rawDirectExecutor"),
            List.of("fullOkHttp", "rawOkHttp"), List.of("fullApache", "rawApache"));
    private static final Map<String, String> WHAT = new LinkedHashMap<>();
    /** Above this drift (a share of the time) a row was still warming up, or the machine changed under it. */
    private static final double DRIFT_LIMIT = 0.05;

    static {
        WHAT.put("rawUrlConnection", "floor: the JDK's `HttpURLConnection` (keep-alive) + Jackson streaming into the model");
        WHAT.put("raw", "floor: `java.net.http` (`ofByteArray`, default executor) + Jackson");
        WHAT.put("rawStream", "floor: `java.net.http` read as a stream (`ofInputStream`) + Jackson");
        WHAT.put("rawDirectExecutor", "floor: `java.net.http` with its work run inline (`executor(Runnable::run)`) + Jackson");
        WHAT.put("rawDirectStream", "`rawDirectExecutor` read as a stream (`ofInputStream`), as a deadline-bound reader must");
        WHAT.put("rawDirectFreshRequest", "`rawDirectExecutor` with its `HttpRequest` built per call, as a client must");
        WHAT.put("generatedUrlConnection", "plain Feign builder, generated interface, Feign's `HttpURLConnection` client");
        WHAT.put("generatedJava11", "plain Feign builder, generated interface, feign-java11 (`java.net.http`)");
        WHAT.put("full", "`EngagiveClient` as built by default: token check, envelope check and decoding, errors, "
                + "retry policy, deadline; `java.net.http` work run inline");
        WHAT.put("fullJdkExecutor", "`full` on a `java.net.http` client with the JDK's default executor (a pool)");
        WHAT.put("fullWithListener", "`full` with a `CallListener` that does nothing");
        WHAT.put("rawUnauthorized", "the 401 read raw (`java.net.http`) into `ErrorEnvelope`");
        WHAT.put("fullUnauthorized", "the 401 decoded by the client into `AuthenticationException`");
        WHAT.put("rawOkHttp", "floor: a plain OkHttp 5 call (its defaults) + Jackson");
        WHAT.put("fullOkHttp", "`full` on the OkHttp transport (`engagive-transport-okhttp`)");
        WHAT.put("rawApache", "floor: a plain Apache HttpClient 5 classic call + Jackson");
        WHAT.put("fullApache", "`full` on the Apache transport (`engagive-transport-apache`)");
        WHAT.put("pipelineInMemory", "diagnostic: the client's pipeline over an in-memory transport answering the same bytes");
        WHAT.put("decodeInMemory", "diagnostic: Jackson alone reading the same bytes into the model");
    }

    private final Path results;
    private final ObjectMapper json = new ObjectMapper();

    private ResultsReport(Path results) {
        this.results = results;
    }

    /**
     * {@code ResultsReport RESULTS_DIR RESULTS_MD SUMMARY_MD} rewrites the two files.
     *
     * @param args the results directory and the two Markdown files
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        ResultsReport report = new ResultsReport(Path.of(args[0]));
        Path resultsFile = Path.of(args[1]);
        Path summaryPage = Path.of(args[2]);
        String kept = Files.exists(resultsFile) ? keptPart(Files.readString(resultsFile)) : "";
        Report made = report.make();
        Files.writeString(resultsFile, made.results() + "\n" + KEPT + "\n" + kept, StandardCharsets.UTF_8);
        String text = Files.readString(summaryPage);
        int start = text.indexOf(SUMMARY_START);
        int end = text.indexOf(SUMMARY_END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(summaryPage + " has no performance summary markers");
        }
        Files.writeString(summaryPage, text.substring(0, start + SUMMARY_START.length()) + "\n" + made.summary()
                + text.substring(end), StandardCharsets.UTF_8);
    }

    private static String keptPart(String text) {
        int at = text.indexOf(KEPT);
        return at < 0 ? "" : text.substring(at + KEPT.length()).stripLeading();
    }

    /** The generated part of RESULTS.md and the summary of docs/performance.md. */
    private record Report(String results, String summary) {
    }

    private Report make() throws IOException {
        List<JsonNode> oneRuns = Measured.runs(json, results, 1);
        List<JsonNode> eightRuns = Measured.runs(json, results, 8);
        Map<String, Measured> one = Measured.merged(oneRuns, WHAT.keySet());
        Map<String, Measured> eight = Measured.merged(eightRuns, WHAT.keySet());
        JsonNode anyRun = oneRuns.get(0);
        JsonNode anyEight = eightRuns.get(0);
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n")
                .append("Written by `benchmarks/run.sh` on ").append(LocalDate.now()).append(" (do not edit above the line ")
                .append("that says so; run the script again).\n\n")
                .append("- **Machine**: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs. The loopback API server runs in its own JVM pinned to CPU 1 (`taskset`), the benchmark ")
                .append("JVM and its forks on CPU 0 (`benchmarks/run-pinned.sh`), so the two never share a core.\n")
                .append("- **JDK**: ").append(anyRun.path("vmName").asText()).append(' ').append(anyRun.path("vmVersion")
                        .asText()).append(", JMH ").append(anyRun.path("jmhVersion").asText())
                .append("; every fork ran with `").append(forkFlags(anyRun))
                .append("` (given by `run-pinned.sh`; `run.sh` checks each fork's output for the heap).\n")
                .append("- **Workload**: `GET …/accounts/1/templates`, a 25-template envelope of ")
                .append(String.format(Locale.ROOT, "%,d", LoopbackApi.TEMPLATES_BODY.length))
                .append(" bytes, and a 401 envelope; HTTP/1.1 over 127.0.0.1, keep-alive.\n")
                .append("- **Commands**, as JMH recorded them: each row of a table is one such run per round, one fork each, ")
                .append("in ").append(one.values().iterator().next().rounds()).append(" rounds, the benchmarks one ")
                .append("after another in the table's order and the next round in the reverse order (so a machine that ")
                .append("drifts over minutes drifts under every row alike):\n\n```bash\n")
                .append(command(anyRun, "'ClientBenchmark\\.NAME$'"))
                .append(command(anyEight, "'ClientBenchmark\\.NAME$'"))
                .append("benchmarks/run-pinned.sh -bm avgt -f 2 -prof gc ScalingBenchmark\n")
                .append("java -cp benchmarks.jar io.engagive.sdk.bench.ColdStart measure 10\n")
                .append("java -cp benchmarks.jar io.engagive.sdk.bench.PeakHeap measure\n```\n\n")
                .append("Raw output: `benchmarks/target/results/`. Every figure comes from JMH's sample mode, merged over ")
                .append("the rounds: the mean of every sample with half the spread between the rounds' means as its ")
                .append("error, p50 and p99 of every sample; throughput is threads × 10⁶ ÷ mean µs (every thread calls back ")
                .append("to back), with the mean's relative error; bytes per call from `-prof gc` (`gc.alloc.rate.norm`, ")
                .append("every thread of the benchmark JVM, java.net.http's included). ⚠ marks an error above 10 % of its ")
                .append("score. *Drift* says whether warm-up was long enough: how much faster each fork's second half of ")
                .append("measured iterations ran than its first half, averaged over the forks; ⚠ above ")
                .append(Math.round(DRIFT_LIMIT * 100)).append(" %.\n\n");
        out.append("## Per call\n\n| benchmark | what it is |\n|---|---|\n");
        WHAT.forEach((name, what) -> {
            if (one.containsKey(name)) {
                out.append("| `").append(name).append("` | ").append(what).append(" |\n");
            }
        });
        String fastestOne = fastestFloor(one, Comparator.comparingDouble(Measured::p50));
        String fastestEight = fastestFloor(eight, Comparator.comparingDouble((Measured row) -> -row.opsPerSecond()));
        out.append('\n');
        table(out, "1 thread", one, fastestOne);
        table(out, "8 threads", eight, fastestEight);
        List<String[]> targets = targets(one, eight, fastestOne, fastestEight);
        out.append("## Against the targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        targets.forEach(target -> out.append("| ").append(target[0]).append(" | ").append(target[1]).append(" | ")
                .append(target[2]).append(" |\n"));
        out.append('\n');
        scaling(out);
        out.append("## Cold start\n\nJVM start to the first successful list-templates call, separate processes:\n\n```\n")
                .append(read("cold-start.txt").strip()).append("\n```\n\n");
        out.append("## Footprint\n\nRuntime dependency closure of `engagive-client` (bytes, jar):\n\n```\n")
                .append(read("footprint.txt").stripTrailing()).append("\n```\n");
        for (String transport : List.of("okhttp", "apache")) {
            if (Files.exists(results.resolve("footprint-" + transport + ".txt"))) {
                out.append("\nWhat `engagive-transport-").append(transport).append("` adds to it:\n\n```\n")
                        .append(read("footprint-" + transport + ".txt").stripTrailing()).append("\n```\n");
            }
        }
        StringBuilder summary = new StringBuilder("\n| | measured | target |\n|---|---|---|\n");
        targets.forEach(target -> summary.append("| ").append(target[0]).append(" | ").append(target[1]).append(" | ")
                .append(target[2]).append(" |\n"));
        summary.append("\nMeasured by `benchmarks/run.sh` on ").append(LocalDate.now())
                .append(" (server and benchmark pinned to separate cores); every row, error bar and command is in ")
                .append("[benchmarks/RESULTS.md](../benchmarks/RESULTS.md), with the profile of where the time goes.\n");
        return new Report(out.toString(), summary.toString());
    }

    /** The JVM flags a run's forks were given, less the loopback server's address. */
    private static String forkFlags(JsonNode run) {
        List<String> flags = new java.util.ArrayList<>();
        run.path("jvmArgs").forEach(flag -> {
            if (!flag.asText().startsWith("-D" + ClientBenchmark.EXTERNAL_SERVER)) {
                flags.add(flag.asText());
            }
        });
        return String.join(" ", flags);
    }

    /** The JMH command line a run was made with, from what JMH recorded of it. */
    private static String command(JsonNode run, String benchmark) {
        return String.format(Locale.ROOT, "benchmarks/run-pinned.sh -t %d -bm sample -f %d -wi %d -w %s -i %d -r %s -prof gc %s%n",
                run.path("threads").asInt(), run.path("forks").asInt(), run.path("warmupIterations").asInt(),
                run.path("warmupTime").asText().replace(" ", ""), run.path("measurementIterations").asInt(),
                run.path("measurementTime").asText().replace(" ", ""), benchmark);
    }

    private static void table(StringBuilder out, String title, Map<String, Measured> rows, String floor) {
        Measured base = rows.get(floor);
        out.append("| ").append(title).append(" | ops/s | mean µs | p50 µs | p99 µs | bytes / call | drift | p50 ÷ `")
                .append(floor).append("` | ops/s ÷ `").append(floor)
                .append("` |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.values().forEach(row -> out.append(String.format(Locale.ROOT,
                "| `%s` | %,.0f ± %,.0f%s | %.1f ± %.1f%s | %.0f | %.0f | %,.0f | %+.0f %%%s | %.2f | %.2f |%n", row.name(),
                row.opsPerSecond(), row.opsError(), row.opsErrorShare() > 0.10 ? " ⚠" : "", row.meanMicros(),
                row.meanError(), row.meanErrorShare() > 0.10 ? " ⚠" : "", row.p50(), row.p99(), row.bytes(),
                100 * row.drift(), Math.abs(row.drift()) > DRIFT_LIMIT ? " ⚠" : "",
                row.p50() / base.p50(), row.opsPerSecond() / base.opsPerSecond())));
        out.append('\n');
    }

    private static String fastestFloor(Map<String, Measured> rows, Comparator<Measured> faster) {
        return FLOORS.stream().filter(rows::containsKey).map(rows::get).min(faster).map(Measured::name)
                .orElseThrow(() -> new IllegalStateException("no floor was measured"));
    }

    private List<String[]> targets(Map<String, Measured> one, Map<String, Measured> eight, String fastestOne,
            String fastestEight) throws IOException {
        List<String[]> targets = new ArrayList<>();
        List<String> measuredClients = new ArrayList<>();
        for (List<String> transport : TRANSPORTS) {
            String client = transport.get(0);
            String floor = transport.get(1);
            if (!one.containsKey(client) || !one.containsKey(floor) || !eight.containsKey(client)
                    || !eight.containsKey(floor)) {
                continue;
            }
            measuredClients.add(client);
            double p50Ratio = one.get(client).p50() / one.get(floor).p50();
            targets.add(verdict("`" + client + "` p50, 1 thread, ≤ 1.15 × its transport's raw floor `" + floor + "`",
                    String.format(Locale.ROOT, "%.2f × (%.0f µs vs %.0f µs)", p50Ratio, one.get(client).p50(),
                            one.get(floor).p50()), p50Ratio <= 1.15));
            double thrptRatio = eight.get(client).opsPerSecond() / eight.get(floor).opsPerSecond();
            targets.add(verdict("`" + client + "` throughput, 8 threads, ≥ 0.85 × `" + floor + "`",
                    String.format(Locale.ROOT, "%.2f × (%,.0f vs %,.0f ops/s)", thrptRatio,
                            eight.get(client).opsPerSecond(), eight.get(floor).opsPerSecond()), thrptRatio >= 0.85));
            double extraBytes = one.get(client).bytes() - one.get(floor).bytes();
            targets.add(verdict("`" + client + "` bytes per call ≤ `" + floor + "` + 12 kB", String.format(Locale.ROOT,
                    "%+,.0f bytes (%,.0f vs %,.0f)", extraBytes, one.get(client).bytes(), one.get(floor).bytes()),
                    extraBytes <= 12_000));
        }
        if (measuredClients.size() > 1) {
            Measured fastestClient = measuredClients.stream().map(one::get).min(Comparator.comparingDouble(Measured::p50))
                    .orElseThrow();
            double p50Ratio = fastestClient.p50() / one.get(fastestOne).p50();
            targets.add(verdict("the client on its fastest transport, p50, 1 thread, ≤ 1.35 × the fastest floor",
                    String.format(Locale.ROOT, "%.2f × (`%s` %.0f µs vs `%s` %.0f µs)", p50Ratio, fastestClient.name(),
                            fastestClient.p50(), fastestOne, one.get(fastestOne).p50()), p50Ratio <= 1.35));
            Measured busiestClient = measuredClients.stream().map(eight::get)
                    .max(Comparator.comparingDouble(Measured::opsPerSecond)).orElseThrow();
            double thrptRatio = busiestClient.opsPerSecond() / eight.get(fastestEight).opsPerSecond();
            targets.add(verdict("the client on its fastest transport, throughput, 8 threads, ≥ 0.70 × the fastest "
                    + "floor", String.format(Locale.ROOT, "%.2f × (`%s` %,.0f vs `%s` %,.0f ops/s)", thrptRatio,
                            busiestClient.name(), busiestClient.opsPerSecond(), fastestEight,
                            eight.get(fastestEight).opsPerSecond()), thrptRatio >= 0.70));
        }
        Measured full = one.get("full");
        Measured unauthorized = one.get("fullUnauthorized");
        double errorRatio = unauthorized.p50() / full.p50();
        targets.add(verdict("error path (401 → typed exception) ≤ 1.2 × the success path, p50", String.format(Locale.ROOT,
                "%.2f × (%.0f µs vs %.0f µs)", errorRatio, unauthorized.p50(), full.p50()), errorRatio <= 1.2));
        Map<String, Double> cold = coldStartMedians();
        double coldExtra = cold.get("full") - cold.get("raw");
        targets.add(verdict("cold start to the first call ≤ the raw `java.net.http` floor + 100 ms", String.format(
                Locale.ROOT, "+%.0f ms (%.0f ms vs `raw` %.0f ms, medians)", coldExtra, cold.get("full"),
                cold.get("raw")), coldExtra <= 100));
        long closure = closureBytes();
        targets.add(verdict("runtime closure ≤ 3 MB", String.format(Locale.ROOT, "%.2f MB", closure / 1e6),
                closure <= 3_000_000));
        Optional<double[]> flat = perTemplateGrowth();
        flat.ifPresent(growth -> targets.add(verdict("per-template time and bytes flat from 1,000 to 50,000 templates",
                String.format(Locale.ROOT, "time × %.2f, bytes × %.2f per template; client's bytes beyond the "
                        + "floor at 50,000: %.2f × the body", growth[0], growth[1], growth[2]),
                growth[0] <= 1.25 && growth[1] <= 1.10 && growth[2] <= 2.2)));
        return targets;
    }

    private static String[] verdict(String target, String measured, boolean met) {
        return new String[] {target, measured, met ? "met" : "**missed**"};
    }

    private void scaling(StringBuilder out) throws IOException {
        Path file = results.resolve("jmh-scaling.json");
        if (!Files.exists(file)) {
            return;
        }
        out.append("## How cost grows with the list\n\n`ScalingBenchmark` (average time, `-prof gc`): one call listing ")
                .append("COUNT templates. Per-template figures are the score divided by COUNT; \"beyond the floor\" is ")
                .append("the client's allocation minus the streaming floor's, in bodies.\n\n")
                .append("| templates | body bytes | `full` µs / template | `rawUrlConnection` µs / template | `full` bytes / ")
                .append("template | `rawUrlConnection` bytes / template | beyond the floor, in bodies |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, double[][]> entry : scalingRuns().entrySet()) {
            int count = entry.getKey();
            double[] full = entry.getValue()[0];
            double[] raw = entry.getValue()[1];
            int body = LoopbackApi.bodySize(count);
            out.append(String.format(Locale.ROOT, "| %,d | %,d | %.3f ± %.3f%s | %.3f ± %.3f%s | %,.0f | %,.0f | %.2f |%n",
                    count, body, full[0] / count, full[1] / count, full[1] > 0.1 * full[0] ? " ⚠" : "", raw[0] / count,
                    raw[1] / count, raw[1] > 0.1 * raw[0] ? " ⚠" : "", full[2] / count, raw[2] / count,
                    (full[2] - raw[2]) / body));
        }
        out.append("\nPeak heap of one call in its own JVM (`PeakHeap`; the peak is the sum of each heap pool's peak, ")
                .append("an upper bound that counts garbage not yet collected):\n\n```\n")
                .append(read("peak-heap.txt").strip()).append("\n```\n\n");
    }

    /** Per count: {full, rawUrlConnection} × {µs, error, bytes}. */
    private Map<Integer, double[][]> scalingRuns() throws IOException {
        Map<Integer, double[][]> runs = new java.util.TreeMap<>();
        for (JsonNode run : json.readTree(results.resolve("jmh-scaling.json").toFile())) {
            int count = run.path("params").path("count").asInt();
            int which = run.path("benchmark").asText().endsWith(".full") ? 0 : 1;
            JsonNode metric = run.path("primaryMetric");
            runs.computeIfAbsent(count, any -> new double[2][])[which] = new double[] {metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble(),
                    run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble()};
        }
        return runs;
    }

    /** {time growth, bytes growth, client's bytes beyond the floor in bodies} from 1,000 to 50,000 templates. */
    private Optional<double[]> perTemplateGrowth() throws IOException {
        if (!Files.exists(results.resolve("jmh-scaling.json"))) {
            return Optional.empty();
        }
        Map<Integer, double[][]> runs = scalingRuns();
        double[] small = runs.get(1000)[0];
        double[] large = runs.get(50_000)[0];
        double[] largeRaw = runs.get(50_000)[1];
        return Optional.of(new double[] {(large[0] / 50_000) / (small[0] / 1000), (large[2] / 50_000) / (small[2] / 1000),
                (large[2] - largeRaw[2]) / LoopbackApi.bodySize(50_000)});
    }

    private Map<String, Double> coldStartMedians() throws IOException {
        Map<String, Double> medians = new LinkedHashMap<>();
        Matcher line = Pattern.compile("cold start (\\S+)\\s*: median (\\d+) ms").matcher(read("cold-start.txt"));
        while (line.find()) {
            medians.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return medians;
    }

    private long closureBytes() throws IOException {
        Matcher total = Pattern.compile("(\\d+) bytes in all").matcher(read("footprint.txt"));
        if (!total.find()) {
            throw new IllegalStateException("footprint.txt has no total");
        }
        return Long.parseLong(total.group(1));
    }

    private String read(String file) throws IOException {
        return Files.readString(results.resolve(file));
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.replaceFirst("model name\\s*:\\s*", "")).orElse("unknown CPU");
        } catch (IOException unreadable) {
            return "unknown CPU";
        }
    }
}
