package io.engagive.sdk.soak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The soak's oracle of sends. Each send goes to a recipient of its own, a number of this run ("92" and 13 digits);
 * what the client said became of it and how often the sandbox recorded it are one byte each at that number, in
 * blocks made as they are first written — a byte per send, not an object, so that ten minutes of sends do not show as
 * the heap of the process the soak measures growing.
 */
final class Ledger {

    private static final int BLOCK = 1 << 16;
    private static final int BLOCKS = 1 << 15;
    private static final SendOutcome[] OUTCOMES = SendOutcome.values();

    private final AtomicLong issued = new AtomicLong();
    private final AtomicReferenceArray<byte[]> outcomes = new AtomicReferenceArray<>(BLOCKS);
    private final AtomicReferenceArray<byte[]> recorded = new AtomicReferenceArray<>(BLOCKS);
    private final Map<String, Integer> strangers = new ConcurrentHashMap<>();

    /** Returns a recipient no other send of this run uses. */
    String nextRecipient() {
        return String.format("92%013d", issued.incrementAndGet());
    }

    /** Notes what the client said became of the send to this recipient (any thread, each recipient once). */
    void ended(String recipient, SendOutcome outcome) {
        long number = number(recipient);
        block(outcomes, number)[(int) (number % BLOCK)] = (byte) (outcome.ordinal() + 1);
    }

    /** Notes that the sandbox recorded a send to this recipient (one thread only). */
    void recorded(String recipient) {
        long number = number(recipient);
        if (number < 1 || number > issued.get()) {
            strangers.merge(recipient, 1, Integer::sum);
            return;
        }
        byte[] counts = block(recorded, number);
        int at = (int) (number % BLOCK);
        counts[at] = (byte) Math.min(Byte.MAX_VALUE, counts[at] + 1);
    }

    /** Returns how many recipients were handed out, numbered 1 to this. */
    long issued() {
        return issued.get();
    }

    /** Returns what became of the send to recipient {@code number}, or null when it never ended. */
    SendOutcome outcome(long number) {
        byte[] block = outcomes.get((int) (number / BLOCK));
        int value = block == null ? 0 : block[(int) (number % BLOCK)];
        return value == 0 ? null : OUTCOMES[value - 1];
    }

    /** Returns how often the sandbox recorded the send to recipient {@code number} (at most 127). */
    int recordedTimes(long number) {
        byte[] block = recorded.get((int) (number / BLOCK));
        return block == null ? 0 : block[(int) (number % BLOCK)];
    }

    /** Returns the recipients the sandbox recorded that this run never handed out, with how often. */
    Map<String, Integer> strangers() {
        return Map.copyOf(strangers);
    }

    private static long number(String recipient) {
        if (recipient == null || recipient.length() != 15 || !recipient.startsWith("92")) {
            return -1;
        }
        try {
            return Long.parseLong(recipient.substring(2));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    private static byte[] block(AtomicReferenceArray<byte[]> blocks, long number) {
        int index = (int) (number / BLOCK);
        byte[] block = blocks.get(index);
        if (block == null) {
            blocks.compareAndSet(index, null, new byte[BLOCK]);
            block = blocks.get(index);
        }
        return block;
    }
}
