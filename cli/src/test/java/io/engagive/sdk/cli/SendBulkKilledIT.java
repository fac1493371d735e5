package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.sandbox.EngagiveSandbox;
import io.engagive.sdk.sandbox.SentMessage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engagive messages send-bulk} killed with SIGKILL mid-campaign and run again, as the shaded jar a user runs:
 * no row is sent twice, and the totals add up.
 */
class SendBulkKilledIT {

    private static final int ROWS = 400;

    @TempDir
    Path dir;

    private final EngagiveSandbox sandbox = EngagiveSandbox.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Process start(Path csv, Path journal, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-jar", System.getProperty("engagive.cli.jar"), "messages", "send-bulk",
                "--csv", csv.toString(), "--template", "hello_world", "--language", "en_US", "--rate", "100",
                "--journal", journal.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ENGAGIVE_BASE_URL", sandbox.baseUrl());
        builder.environment().put("ENGAGIVE_ACCOUNT_ID", "1");
        builder.environment().put("ENGAGIVE_API_TOKEN", sandbox.defaultUser().token());
        return builder.start();
    }

    @Test
    void killedMidCampaignAndRunAgainNoRowIsSentTwiceAndTheTotalsAddUp() throws Exception {
        StringBuilder rows = new StringBuilder("key,to,name\n");
        for (int i = 1; i <= ROWS; i++) {
            rows.append("order-").append(i).append(',').append(String.format("9230%08d", i)).append(",Ada ").append(i)
                    .append('\n');
        }
        Path csv = Files.writeString(dir.resolve("rows.csv"), rows, StandardCharsets.UTF_8);
        Path journal = dir.resolve("campaign.db");

        Process first = start(csv, journal, dir.resolve("first.out"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sandbox.sentMessages().size() < ROWS / 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int sentBeforeTheKill = sandbox.sentMessages().size();

        Process second = start(csv, journal, dir.resolve("second.out"));
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(dir.resolve("second.out"));

        Map<String, Long> sent = sandbox.sentMessages().stream()
                .collect(Collectors.groupingBy(SentMessage::to, Collectors.counting()));
        assertThat(sentBeforeTheKill).isBetween(ROWS / 4, ROWS - 1);
        assertThat(sent.values()).allSatisfy(times -> assertThat(times).isEqualTo(1));
        assertThat(said).containsPattern(ROWS + " rows: (\\d+) sent, 0 refused, (\\d+) unknown, (\\d+) already done "
                + "earlier, 0 pending");
        java.util.regex.Matcher totals = java.util.regex.Pattern.compile("(\\d+) sent, 0 refused, (\\d+) unknown")
                .matcher(said);
        assertThat(totals.find()).isTrue();
        int sentRows = Integer.parseInt(totals.group(1));
        int unknownRows = Integer.parseInt(totals.group(2));
        assertThat(sentRows + unknownRows).isEqualTo(ROWS);
        assertThat(sent.size()).isBetween(sentRows, sentRows + unknownRows);
        assertThat(second.exitValue()).isEqualTo(unknownRows > 0 ? 11 : 0);
    }
}
