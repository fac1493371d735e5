package io.engagive.sdk.bulk;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tells the listener where the campaign is, once a second, from the journal's counts. */
final class ProgressReporter {

    private final ScheduledExecutorService timer;

    private ProgressReporter(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ProgressReporter start(BulkJournal journal, BulkListener listener, Duration interval, long alreadyDone) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engagive-bulk-progress");
            thread.setDaemon(true);
            return thread;
        });
        long[] last = {-1, System.nanoTime()};
        timer.scheduleAtFixedRate(() -> {
            BulkSummary now = journal.summary();
            long time = System.nanoTime();
            double rate = last[0] < 0 ? 0 : (now.sent() + now.refused() + now.unknown() - last[0]) / ((time - last[1]) / 1e9);
            last[0] = now.sent() + now.refused() + now.unknown();
            last[1] = time;
            Optional<Duration> eta = now.pending() == 0 ? Optional.empty()
                    : Optional.of(interval.multipliedBy(now.pending()));
            listener.progress(new BulkProgress(new BulkSummary(now.total(), now.sent(), now.refused(), now.unknown(),
                    alreadyDone, now.pending(), now.sending()), rate, eta));
        }, 1, 1, TimeUnit.SECONDS);
        return new ProgressReporter(timer);
    }

    void stop() {
        timer.shutdownNow();
    }
}
