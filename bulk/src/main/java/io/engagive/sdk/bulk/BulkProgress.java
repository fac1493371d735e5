package io.engagive.sdk.bulk;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a running campaign is, reported about once a second.
 *
 * @param summary the rows by state
 * @param messagesPerSecond the rate of sends over the last seconds
 * @param eta the time the pending rows will take at the configured rate, when any are pending
 */
public record BulkProgress(BulkSummary summary, double messagesPerSecond, Optional<Duration> eta) {
}
