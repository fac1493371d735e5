package io.engagive.sdk.bulk;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a campaign's rows and their states live, durably: each row's state is written before its request leaves
 * (pending → sending → sent, refused or unknown), so a run that stops at any point leaves a journal from which the
 * next run knows what was done. Open one with {@link #sqlite(Path)} (one process) or {@link #postgres} (many workers).
 */
public interface BulkJournal extends AutoCloseable {

    /**
     * Opens (or creates) an embedded journal: one SQLite file, readable with the {@code sqlite3} tool. One process at a
     * time may use it; another gets an {@link IllegalStateException}.
     *
     * @param file the journal file
     * @return the journal
     * @throws BulkJournalException when the file cannot be opened
     */
    static BulkJournal sqlite(Path file) {
        return JdbcJournal.sqlite(file);
    }

    /**
     * Connects to a journal on PostgreSQL, shared by every worker of the campaign: each claims rows with
     * {@code FOR UPDATE SKIP LOCKED} and takes its turn from one pace for all, so together they keep the configured
     * rate. Needs {@code org.postgresql:postgresql} on the class path.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/campaigns}
     * @param user the database user
     * @param password the user's password
     * @param campaign the campaign's name; workers of one campaign use the same
     * @return the journal
     * @throws BulkJournalException when the database cannot be reached
     */
    static BulkJournal postgres(String jdbcUrl, String user, String password, String campaign) {
        return JdbcJournal.postgres(jdbcUrl, user, password, campaign);
    }

    /**
     * Adds rows not yet in the journal (by key), streaming; a row already there is left as it is, and one that an
     * earlier run ended is handed to {@code alreadyDone}.
     *
     * @param rows the rows, read once
     * @param alreadyDone hears each row an earlier run ended, with its outcome {@link RowOutcome#ALREADY_DONE}
     * @return how many rows were added
     */
    long add(Iterator<BulkRow> rows, Consumer<RowResult> alreadyDone);

    /**
     * Marks the rows this worker left in "sending" (its earlier run stopped mid-send) as unknown: they may have been
     * sent and are never sent again by themselves.
     *
     * @param worker the worker's name
     * @return how many rows became unknown
     */
    int abandonSending(String worker);

    /**
     * Claims the next pending rows that may go now, in campaign order, and marks them "sending" for this worker,
     * durably, in one transaction, before any of them is sent.
     *
     * @param worker the worker's name
     * @param now the time
     * @param most how many rows at most
     * @return the rows, none when none may go now
     */
    java.util.List<BulkRow> claim(String worker, Instant now, int most);

    /**
     * Ends a row.
     *
     * @param result its outcome (not {@link RowOutcome#ALREADY_DONE}), message id and reason
     */
    void end(RowResult result);

    /**
     * Puts a claimed row back to pending, not to go before {@code notBefore}: it was provably not sent.
     *
     * @param key the row's key
     * @param notBefore the earliest time it may be claimed again
     * @param reason why, kept with the row
     */
    void putBack(String key, Instant notBefore, String reason);

    /**
     * Takes the next {@code count} turns of the campaign's pace, shared by its workers: the first at least {@code now},
     * every turn {@code interval} after the previous one.
     *
     * @param interval the time between sends, one over the rate
     * @param count how many turns
     * @param now the time
     * @return when the first of them is
     */
    Instant nextTurns(java.time.Duration interval, int count, Instant now);

    /**
     * Holds every turn of the campaign until {@code until}, after a refusal that says the rate is too high.
     *
     * @param until the earliest time of the next turn
     */
    void pause(Instant until);

    /**
     * Tells when the next pending row may go, if any row is pending.
     *
     * @return the earliest time a pending row may be claimed, or empty when none is pending
     */
    Optional<Instant> nextPending();

    /**
     * Makes unknown rows pending again, so they are sent: a deliberate act, for rows checked not to have been sent.
     *
     * @param keys the rows' keys; keys of rows that are not unknown are ignored
     * @return how many rows will be sent again
     */
    int resend(Collection<String> keys);

    /**
     * Hands every row that ended with this outcome (or every ended row, for null) to {@code each}, in campaign order.
     *
     * @param outcome the outcome, or null for all ended rows
     * @param each hears each row
     */
    void forEach(RowOutcome outcome, Consumer<RowResult> each);

    /**
     * Counts the campaign's rows by state ({@code alreadyDone} is 0: it belongs to a run).
     *
     * @return the counts
     */
    BulkSummary summary();

    @Override
    void close();
}
