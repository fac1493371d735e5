package io.engagive.sdk.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.engagive.sdk.EngagiveClient;
import io.engagive.sdk.testing.FakeTiming;
import io.engagive.sdk.testing.FakeTransport;
import io.engagive.sdk.testing.TestTokens;
import io.engagive.sdk.transport.TransportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk sender over the fake transport and a fake clock: pacing, refusals that put rows back, unknown rows never
 * resent, crashes, resuming, a refused token. Nothing waits on the wall clock; the journal is a real SQLite file.
 */
class BulkSenderTest {

    private static final String SENT = "{\"success\":true,\"message\":\"Template message sent successfully\",\"data\":"
            + "{},\"metaResponse\":{\"messages\":[{\"id\":\"wamid.%s\"}]}}";

    @TempDir
    Path directory;

    private final FakeClock clock = new FakeClock();
    private final List<RowResult> ended = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private BulkJournal journal;

    /** Virtual time that a wait moves forward. */
    static final class FakeClock implements Pace {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        public synchronized void waitUntil(Instant time) {
            if (time.isAfter(now)) {
                now = time;
            }
        }
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private BulkSender sender(Function<String, FakeTransport.Answer> answers, double rate, int inFlight) {
        FakeTransport transport = new FakeTransport(new FakeTiming()).otherwise((request, call, timing) -> {
            String to = recipient(request);
            requests.add(to);
            sentAt.putIfAbsent(to, clock.now());
            return answers.apply(to).answer(request, call, timing);
        });
        EngagiveClient engagive = EngagiveClient.builder().baseUrl("https://api.example.test/api/business/public")
                .transport(transport).token(TestTokens.valid()).build();
        if (journal == null) {
            journal = BulkJournal.sqlite(directory.resolve("campaign.db"));
        }
        return BulkSender.builder().client(engagive).journal(journal).account("1").messagesPerSecond(rate)
                .inFlight(inFlight).worker("test").pace(clock).listener(new BulkListener() {
                    @Override
                    public void rowEnded(RowResult result) {
                        ended.add(result);
                    }
                }).build();
    }

    private static String recipient(TransportRequest request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        int at = body.indexOf("\"to\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    private static FakeTransport.Answer sent(String to) {
        return FakeTransport.json(200, String.format(SENT, to));
    }

    private static FakeTransport.Answer metaRefusal(long code) {
        return FakeTransport.json(502, "{\"success\":false,\"statusCode\":502,\"message\":\"WhatsApp API request failed\","
                + "\"metaResponse\":{\"error\":{\"code\":" + code + ",\"message\":\"(#" + code + ") refused\"}}}");
    }

    private static List<BulkRow> rows(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new BulkRow("order-" + i, String.format("92300%07d", i),
                "order_shipped", "en_US", List.of("Ada", "#" + i))).toList();
    }

    @Test
    void overThirtySecondsTheMeasuredRateIsTheConfiguredRate() {
        BulkSummary summary = sender(BulkSenderTest::sent, 20, 1).send(rows(601).iterator());

        List<Instant> times = new ArrayList<>(sentAt.values());
        times.sort(null);
        double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
        assertThat(summary.sent()).isEqualTo(601);
        assertThat(seconds).isBetween(28.5, 31.5);
        assertThat(600 / seconds).isCloseTo(20, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void everyRowEndsOnceWithTheMessageIdAndItsParametersInTheTemplate() {
        BulkSummary summary = sender(BulkSenderTest::sent, 100, 4).send(rows(50).iterator());

        assertThat(summary).isEqualTo(new BulkSummary(50, 50, 0, 0, 0, 0, 0));
        assertThat(ended).hasSize(50).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(RowOutcome.SENT);
            assertThat(result.messageId()).hasValue("wamid." + result.to());
        });
        assertThat(requests).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void aThroughputRefusalPutsTheRowBackAndHoldsTheWholeCampaign() {
        AtomicInteger refusals = new AtomicInteger();
        BulkSummary summary = sender(to -> to.endsWith("0000003") && refusals.getAndIncrement() == 0
                ? metaRefusal(130429) : sent(to), 10, 1).send(rows(6).iterator());

        assertThat(summary.sent()).isEqualTo(6);
        assertThat(requests).hasSize(7);
        Instant refusedAt = sentAt.get("923000000003");
        assertThat(Duration.between(refusedAt, sentAt.get("923000000004"))).isGreaterThanOrEqualTo(Verdict.THROUGHPUT_PAUSE);
    }

    @Test
    void aPairRateRefusalDelaysThatRecipientOnly() {
        AtomicInteger refusals = new AtomicInteger();
        sender(to -> to.endsWith("0000001") && refusals.getAndIncrement() == 0 ? metaRefusal(131056) : sent(to), 10, 1)
                .send(rows(4).iterator());

        assertThat(ended).extracting(RowResult::key).containsExactly("order-2", "order-3", "order-4", "order-1");
        assertThat(Duration.between(sentAt.get("923000000002"), sentAt.get("923000000003")))
                .isLessThan(Duration.ofMillis(200));
        assertThat(ended).allSatisfy(result -> assertThat(result.outcome()).isEqualTo(RowOutcome.SENT));
    }

    @Test
    void aPermanentRefusalEndsTheRowRefusedAndItIsSentOnce() {
        BulkSummary summary = sender(to -> to.endsWith("1") ? metaRefusal(131026)
                : to.endsWith("2") ? FakeTransport.json(400, "{\"success\":false,\"error\":\"bad number\"}") : sent(to), 50, 2)
                .send(rows(3).iterator());

        assertThat(summary).isEqualTo(new BulkSummary(3, 1, 2, 0, 0, 0, 0));
        assertThat(requests).hasSize(3);
        assertThat(ended).filteredOn(result -> result.outcome() == RowOutcome.REFUSED)
                .allSatisfy(result -> assertThat(result.reason()).isPresent());
    }

    @Test
    void aSendThatMayHaveReachedTheServerIsUnknownAndOnlyADeliberateResendSendsItAgain() {
        FakeTransport.Answer dropped = FakeTransport.fails(new IOException("connection reset after the request was sent"));
        BulkSummary first = sender(to -> to.endsWith("2") ? dropped : sent(to), 50, 1).send(rows(3).iterator());
        BulkSummary resumed = sender(BulkSenderTest::sent, 50, 1).resume();

        assertThat(first).isEqualTo(new BulkSummary(3, 2, 0, 1, 0, 0, 0));
        assertThat(resumed).isEqualTo(new BulkSummary(3, 2, 0, 1, 0, 0, 0));
        assertThat(requests).filteredOn("923000000002"::equals).hasSize(1);

        assertThat(journal.resend(List.of("order-2", "order-1"))).isEqualTo(1);
        BulkSummary afterResend = sender(BulkSenderTest::sent, 50, 1).resume();
        assertThat(afterResend).isEqualTo(new BulkSummary(3, 3, 0, 0, 0, 0, 0));
        assertThat(requests).filteredOn("923000000002"::equals).hasSize(2);
    }

    @Test
    void aRowLeftSendingByACrashedRunIsUnknownAndNotSent() {
        journal = BulkJournal.sqlite(directory.resolve("campaign.db"));
        journal.add(rows(2).iterator(), result -> { });
        List<BulkRow> inFlightAtTheCrash = journal.claim("test", clock.now(), 1);

        BulkSummary summary = sender(BulkSenderTest::sent, 50, 1).resume();

        assertThat(inFlightAtTheCrash).extracting(BulkRow::key).containsExactly("order-1");
        assertThat(summary).isEqualTo(new BulkSummary(2, 1, 0, 1, 0, 0, 0));
        assertThat(requests).containsExactly("923000000002");
        List<RowResult> unknown = new ArrayList<>();
        journal.forEach(RowOutcome.UNKNOWN, unknown::add);
        assertThat(unknown).singleElement().satisfies(row -> assertThat(row.reason().orElseThrow()).contains("may have been sent"));
    }

    @Test
    void runningTheSameRowsAgainSendsNothingAndReportsThemAlreadyDone() {
        sender(BulkSenderTest::sent, 50, 2).send(rows(5).iterator());
        ended.clear();

        BulkSummary again = sender(BulkSenderTest::sent, 50, 2).send(rows(5).iterator());

        assertThat(again).isEqualTo(new BulkSummary(5, 5, 0, 0, 5, 0, 0));
        assertThat(ended).hasSize(5).allSatisfy(result -> assertThat(result.outcome()).isEqualTo(RowOutcome.ALREADY_DONE));
        assertThat(requests).hasSize(5);
    }

    @Test
    void aTokenTheServerRefusesStopsTheCampaignWithTheRowsPending() {
        BulkSender sender = sender(to -> FakeTransport.json(401, "{\"success\":false,\"error\":\"Invalid token\"}"), 50, 1);

        BulkSummary summary = sender.send(rows(4).iterator());

        assertThat(summary.pending()).isEqualTo(4);
        assertThat(requests).hasSize(1);
        assertThat(sender.stoppedBecause()).hasValueSatisfying(reason -> assertThat(reason).contains("token"));
    }

    @Test
    void stopLetsTheRowsInFlightEndAndLeavesTheRestPending() {
        AtomicInteger count = new AtomicInteger();
        BulkSender[] holder = new BulkSender[1];
        holder[0] = sender(to -> {
            if (count.incrementAndGet() == 3) {
                holder[0].stop();
            }
            return sent(to);
        }, 50, 1);

        BulkSummary summary = holder[0].send(rows(10).iterator());

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.pending()).isEqualTo(7);
        assertThat(holder[0].resume().sent()).isEqualTo(10);
        assertThat(requests).hasSize(10).doesNotHaveDuplicates();
    }
}
