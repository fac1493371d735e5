package io.engagive.sdk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The performance summary of docs/performance.md is the one {@code benchmarks/run.sh} wrote, quoting RESULTS.md. */
class PerformanceSummaryTest {

    private static final Path SUMMARY_PAGE = Path.of("..", "docs", "performance.md");
    private static final Path RESULTS = Path.of("RESULTS.md");

    @Test
    void everyTargetRowOfThePerformancePageIsARowOfTheResultsTargetTable() throws IOException {
        List<String> readmeRows = tableRows(between(Files.readString(SUMMARY_PAGE), ResultsReport.SUMMARY_START,
                ResultsReport.SUMMARY_END));
        List<String> resultsRows = tableRows(between(Files.readString(RESULTS), "## Against the targets", "\n## "));

        assertThat(readmeRows).isNotEmpty().hasSameSizeAs(resultsRows);
        assertThat(resultsRows).containsExactlyElementsOf(readmeRows);
    }

    @Test
    void theResultsKeepTheHandWrittenFindingsBelowTheLineTheScriptKeeps() throws IOException {
        String results = Files.readString(RESULTS);

        assertThat(results).contains(ResultsReport.KEPT);
        assertThat(results.substring(results.indexOf(ResultsReport.KEPT))).contains("## Where the time goes");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("where %s starts", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("where %s ends", start).isGreaterThan(from);
        return text.substring(from, to);
    }

    private static List<String> tableRows(String text) {
        return text.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| |")
                && !line.startsWith("| target ")).collect(Collectors.toList());
    }
}
