package io.engagive.sdk.bulk;

import io.engagive.sdk.EngagiveClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/** Configures a {@link BulkSender}; not thread-safe, build once. */
public final class BulkSenderBuilder {

    private EngagiveClient client;
    private BulkJournal journal;
    private String account;
    private double messagesPerSecond = 10;
    private int inFlight = 8;
    private Duration sendDeadline = Duration.ofSeconds(30);
    private BulkListener listener = BulkListener.NONE;
    private String worker = ManagementFactory.getRuntimeMXBean().getName();
    private Pace pace = Pace.SYSTEM;

    BulkSenderBuilder() {
    }

    /**
     * Sets the client the messages are sent with (required).
     *
     * @param engagive the client; its token provider, transport and listener are used
     * @return this builder
     */
    public BulkSenderBuilder client(EngagiveClient engagive) {
        this.client = Objects.requireNonNull(engagive, "client");
        return this;
    }

    /**
     * Sets the journal the campaign's rows live in (required).
     *
     * @param rows the journal, e.g. {@link BulkJournal#sqlite}
     * @return this builder
     */
    public BulkSenderBuilder journal(BulkJournal rows) {
        this.journal = Objects.requireNonNull(rows, "journal");
        return this;
    }

    /**
     * Sets the WhatsApp account (the sending number) every message goes from (required).
     *
     * @param accountId the account's id
     * @return this builder
     */
    public BulkSenderBuilder account(String accountId) {
        this.account = BulkSender.requireText(accountId, "account");
        return this;
    }

    /**
     * Sets the campaign's rate, shared by every worker of a PostgreSQL journal (default 10 per second).
     *
     * @param rate messages per second, more than 0 and at most 10,000
     * @return this builder
     */
    public BulkSenderBuilder messagesPerSecond(double rate) {
        if (!(rate > 0 && rate <= 10_000)) {
            throw new IllegalArgumentException("messagesPerSecond must be more than 0 and at most 10000, was " + rate);
        }
        this.messagesPerSecond = rate;
        return this;
    }

    /**
     * Sets how many sends may be in flight at once (default 8).
     *
     * @param sends at least 1, at most 256
     * @return this builder
     */
    public BulkSenderBuilder inFlight(int sends) {
        if (sends < 1 || sends > 256) {
            throw new IllegalArgumentException("inFlight must be 1 to 256, was " + sends);
        }
        this.inFlight = sends;
        return this;
    }

    /**
     * Sets how long one send may take, its waits included (default 30 s).
     *
     * @param deadline positive
     * @return this builder
     */
    public BulkSenderBuilder sendDeadline(Duration deadline) {
        if (Objects.requireNonNull(deadline, "sendDeadline").isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("sendDeadline must be positive, was " + deadline);
        }
        this.sendDeadline = deadline;
        return this;
    }

    /**
     * Sets the listener that hears how each row ends and the progress.
     *
     * @param hears the listener; default {@link BulkListener#NONE}
     * @return this builder
     */
    public BulkSenderBuilder listener(BulkListener hears) {
        this.listener = Objects.requireNonNull(hears, "listener");
        return this;
    }

    /**
     * Names this worker in the journal (default: the JVM's {@code pid@host}); a worker that restarts under the same
     * name recovers the rows it left mid-send, as unknown.
     *
     * @param name the worker's name, stable across its restarts
     * @return this builder
     */
    public BulkSenderBuilder worker(String name) {
        this.worker = BulkSender.requireText(name, "worker");
        return this;
    }

    /** Replaces the sender's clock and waits: for tests, never for users. */
    BulkSenderBuilder pace(Pace time) {
        this.pace = Objects.requireNonNull(time, "pace");
        return this;
    }

    /**
     * Returns the sender.
     *
     * @return the sender
     * @throws IllegalStateException when the client, journal or account is missing
     */
    public BulkSender build() {
        if (client == null || journal == null || account == null) {
            throw new IllegalStateException("a bulk sender needs a client, a journal and an account");
        }
        return new BulkSender(this);
    }

    EngagiveClient client() {
        return client;
    }

    BulkJournal journal() {
        return journal;
    }

    String account() {
        return account;
    }

    double messagesPerSecond() {
        return messagesPerSecond;
    }

    int inFlight() {
        return inFlight;
    }

    Duration sendDeadline() {
        return sendDeadline;
    }

    BulkListener listener() {
        return listener;
    }

    String worker() {
        return worker;
    }

    Pace pace() {
        return pace;
    }
}
