package io.engagive.sdk.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The limits WhatsApp puts on a sending number, as Meta answers them: a throughput limit (messages per second per
 * account; more is refused with 130429) and a pair rate limit (one message to the same recipient per interval; more
 * is refused with 131056). Both off until set; a refused message is not sent.
 */
final class MessageLimits {

    /** Meta's "Rate limit hit" for the account's throughput. */
    static final long THROUGHPUT_LIMIT = 130429;
    /** Meta's "Spam rate limit hit": too many messages to one recipient. */
    static final long PAIR_RATE_LIMIT = 131056;

    private static final long SECOND = 1_000_000_000L;
    private static final int KEPT_PAIRS = 100_000;

    private final Map<String, Deque<Long>> recentByAccount = new HashMap<>();
    private final Map<String, Long> lastByPair = new HashMap<>();
    private int perSecond;
    private Duration pairInterval = Duration.ZERO;

    synchronized void set(int messagesPerSecond, Duration interval) {
        this.perSecond = Math.max(0, messagesPerSecond);
        this.pairInterval = interval.isNegative() ? Duration.ZERO : interval;
        recentByAccount.clear();
        lastByPair.clear();
    }

    synchronized int perSecond() {
        return perSecond;
    }

    synchronized Duration pairInterval() {
        return pairInterval;
    }

    /**
     * Admits one message at {@code nowNanos} and counts it, or names the Meta error that refuses it (nothing counted).
     *
     * @return the refusing Meta error code, or empty when the message may be sent
     */
    synchronized OptionalLong admit(String account, String to, long nowNanos) {
        Deque<Long> recent = recentByAccount.computeIfAbsent(account, any -> new ArrayDeque<>());
        while (!recent.isEmpty() && nowNanos - recent.peekFirst() >= SECOND) {
            recent.pollFirst();
        }
        if (perSecond > 0 && recent.size() >= perSecond) {
            return OptionalLong.of(THROUGHPUT_LIMIT);
        }
        String pair = account + "\n" + to;
        Long last = lastByPair.get(pair);
        if (!pairInterval.isZero() && to != null && last != null && nowNanos - last < pairInterval.toNanos()) {
            return OptionalLong.of(PAIR_RATE_LIMIT);
        }
        if (perSecond > 0) {
            recent.addLast(nowNanos);
        }
        if (!pairInterval.isZero() && to != null) {
            if (lastByPair.size() >= KEPT_PAIRS) {
                lastByPair.values().removeIf(time -> nowNanos - time >= pairInterval.toNanos());
            }
            lastByPair.put(pair, nowNanos);
        }
        return OptionalLong.empty();
    }
}
