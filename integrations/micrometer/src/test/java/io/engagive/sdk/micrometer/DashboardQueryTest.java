package io.engagive.sdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.Fault;
import io.engagive.sdk.sandbox.Route;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every metric and label the dashboard queries of docs/integrations/micrometer.md name is one a Prometheus scrape shows after real calls. */
class DashboardQueryTest {

    private static final Pattern QUERY_BLOCK = Pattern.compile("```promql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern METRIC = Pattern.compile("engagive_[a-z_]+");
    private static final Pattern GROUPING = Pattern.compile("by \\(([a-z_, ]+)\\) \\((?:rate|increase)\\((engagive_[a-z_]+)");

    @Test
    void theReadmesDashboardQueriesNameMetricsAndLabelsTheRegistryRecords() throws IOException {
        String queries = dashboardQueries();
        String scrape = scrapeAfterCallsToTheSandbox();

        List<String> metrics = METRIC.matcher(queries).results().map(MatchResult::group).distinct().toList();
        assertThat(metrics).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(metric -> assertThat(scrape).containsPattern("(?m)^" + metric + "[{ ]"));

        List<MatchResult> groupings = GROUPING.matcher(queries).results().toList();
        assertThat(groupings).hasSizeGreaterThanOrEqualTo(4).allSatisfy(grouping -> {
            String metric = grouping.group(2);
            Arrays.stream(grouping.group(1).split(",")).map(String::strip).forEach(label ->
                    assertThat(scrape).as("%s has the label %s", metric, label)
                            .containsPattern("(?m)^" + metric + "\\{[^}]*\\b" + label + "=\""));
        });
    }

    private static String scrapeAfterCallsToTheSandbox() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (EngagiveSandbox sandbox = EngagiveSandbox.start()) {
            EngagiveClient engagive = EngagiveClient.builder()
                    .baseUrl(sandbox.baseUrl())
                    .token(sandbox.defaultUser().token())
                    .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1))
                            .maxBackoff(Duration.ofMillis(1)).build())
                    .listener(MicrometerCallListener.of(meters))
                    .build();
            new TokenExpiryMetrics(() -> sandbox.defaultUser().token()).bindTo(meters);
            sandbox.inject(Route.LIST_TEMPLATES, Fault.unavailable(), 1);
            engagive.templates().listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null);
            EngagiveClient expired = EngagiveClient.builder().baseUrl(sandbox.baseUrl())
                    .token(sandbox.defaultUser().expiredToken()).listener(MicrometerCallListener.of(meters)).build();
            assertThatExceptionOfType(AuthenticationException.class)
                    .isThrownBy(() -> expired.templates().listTemplates(EngagiveSandbox.DEFAULT_ACCOUNT, null));
            return meters.scrape();
        }
    }

    private static String dashboardQueries() throws IOException {
        Matcher block = QUERY_BLOCK.matcher(Files.readString(Path.of("../../docs/integrations/micrometer.md")));
        assertThat(block.find()).as("docs/integrations/micrometer.md has a promql block").isTrue();
        return block.group(1);
    }
}
