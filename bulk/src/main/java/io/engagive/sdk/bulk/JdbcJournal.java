package io.engagive.sdk.bulk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The journal in SQL, one connection, every change its own committed transaction: SQLite (WAL, synchronous FULL for
 * claims, so a committed "sending" survives a power cut; NORMAL for ends, see {@link #durability}) or PostgreSQL ({@code FOR UPDATE SKIP LOCKED} claims). The two differ
 * only in {@link Dialect}.
 */
final class JdbcJournal implements BulkJournal {

    private static final int BATCH = 1000;
    private static final int ENDS_PER_COMMIT = 64;

    private final Connection connection;
    private final Dialect dialect;
    private final String campaign;
    private final AutoCloseable lock;
    private final List<RowResult> ends = new ArrayList<>();
    /** The pace of a journal no other process shares, in microseconds since the epoch: kept here, not in the file. */
    private long nextFree;

    private JdbcJournal(Connection connection, Dialect dialect, String campaign, AutoCloseable lock) {
        this.connection = connection;
        this.dialect = dialect;
        this.campaign = campaign;
        this.lock = lock;
        run(() -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : dialect.schemaLock()) {
                    statement.execute(sql);
                }
                for (String sql : dialect.schema()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement pace = connection.prepareStatement(
                    "INSERT INTO engagive_bulk_pace (campaign, next_free) VALUES (?, 0) ON CONFLICT (campaign) DO NOTHING")) {
                pace.setString(1, campaign);
                pace.executeUpdate();
            }
            connection.commit();
            return null;
        }, "cannot prepare the journal");
    }

    static JdbcJournal sqlite(java.nio.file.Path file) {
        AutoCloseable lock = JournalLock.take(file);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=10000");
            }
            return new JdbcJournal(connection, Dialect.SQLITE, "default", lock);
        } catch (SQLException e) {
            JournalLock.release(lock);
            throw new BulkJournalException("cannot open the journal " + file, e);
        }
    }

    static JdbcJournal postgres(String url, String user, String password, String campaign) {
        try {
            return new JdbcJournal(DriverManager.getConnection(url, user, password), Dialect.POSTGRES, campaign, null);
        } catch (SQLException e) {
            throw new BulkJournalException("cannot connect to the journal at " + url, e);
        }
    }

    @Override
    public synchronized long add(Iterator<BulkRow> rows, Consumer<RowResult> alreadyDone) {
        flushEnds();
        return run(() -> {
            long added = 0;
            long seq = nextSeq();
            List<BulkRow> batch = new ArrayList<>(BATCH);
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() == BATCH || !rows.hasNext()) {
                    added += insert(batch, seq + added, alreadyDone);
                    seq += batch.size();
                    batch.clear();
                }
            }
            return added;
        }, "cannot add rows to the journal");
    }

    private long insert(List<BulkRow> batch, long seq, Consumer<RowResult> alreadyDone) throws SQLException {
        List<BulkRow> present = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO engagive_bulk_rows (campaign, row_key, "
                + "seq, recipient, template, language, parameters, state, not_before, put_backs, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?) ON CONFLICT (campaign, row_key) DO NOTHING")) {
            long next = seq;
            for (BulkRow row : batch) {
                insert.setString(1, campaign);
                insert.setString(2, row.key());
                insert.setLong(3, next++);
                insert.setString(4, row.to());
                insert.setString(5, row.template());
                insert.setString(6, row.language());
                insert.setString(7, Parameters.write(row.parameters()));
                insert.setLong(8, System.currentTimeMillis());
                if (insert.executeUpdate() == 0) {
                    present.add(row);
                }
            }
        }
        connection.commit();
        for (BulkRow row : present) {
            ended(row.key()).ifPresent(result -> alreadyDone.accept(new RowResult(result.key(), result.to(),
                    RowOutcome.ALREADY_DONE, result.messageId(), Optional.of("ended " + result.outcome()
                    .name().toLowerCase(java.util.Locale.ROOT) + " in an earlier run"))));
        }
        return batch.size() - present.size();
    }

    private Optional<RowResult> ended(String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT row_key, recipient, state, message_id, reason "
                + "FROM engagive_bulk_rows WHERE campaign = ? AND row_key = ? AND state IN ('sent', 'refused', 'unknown')")) {
            select.setString(1, campaign);
            select.setString(2, key);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? Optional.of(result(found)) : Optional.empty();
            }
        }
    }

    private long nextSeq() throws SQLException {
        try (PreparedStatement max = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM engagive_bulk_rows WHERE campaign = ?")) {
            max.setString(1, campaign);
            try (ResultSet found = max.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }

    @Override
    public synchronized int abandonSending(String worker) {
        flushEnds();
        return update("UPDATE engagive_bulk_rows SET state = 'unknown', reason = 'a run stopped while this row was being "
                + "sent: it may have been sent', updated_at = ? WHERE campaign = ? AND state = 'sending'"
                + dialect.ownRows(), statement -> {
                    statement.setLong(1, System.currentTimeMillis());
                    statement.setString(2, campaign);
                    if (dialect.sharedByWorkers()) {
                        statement.setString(3, worker);
                    }
                });
    }

    @Override
    public synchronized List<BulkRow> claim(String worker, Instant now, int most) {
        flushEnds();
        return run(() -> {
            List<BulkRow> rows = new ArrayList<>(most);
            // the rows are picked once (a materialized CTE): a sub-select in the WHERE may be run again per row and
            // return more rows than its LIMIT
            try (PreparedStatement claim = connection.prepareStatement("WITH picked AS MATERIALIZED (SELECT row_key "
                    + "FROM engagive_bulk_rows WHERE campaign = ? AND state = 'pending' AND not_before <= ? ORDER BY seq "
                    + "LIMIT ?" + dialect.skipLocked() + ") UPDATE engagive_bulk_rows SET state = 'sending', worker = ?, "
                    + "updated_at = ? WHERE campaign = ? AND row_key IN (SELECT row_key FROM picked) "
                    + "RETURNING row_key, recipient, template, language, parameters, seq")) {
                claim.setString(1, campaign);
                claim.setLong(2, now.toEpochMilli());
                claim.setInt(3, most);
                claim.setString(4, worker);
                claim.setLong(5, now.toEpochMilli());
                claim.setString(6, campaign);
                List<long[]> order = new ArrayList<>();
                try (ResultSet claimed = claim.executeQuery()) {
                    while (claimed.next()) {
                        order.add(new long[] {claimed.getLong(6), rows.size()});
                        rows.add(new BulkRow(claimed.getString(1), claimed.getString(2), claimed.getString(3),
                                claimed.getString(4), Parameters.read(claimed.getString(5))));
                    }
                }
                connection.commit();
                order.sort((left, right) -> Long.compare(left[0], right[0]));
                List<BulkRow> inOrder = new ArrayList<>(rows.size());
                order.forEach(position -> inOrder.add(rows.get((int) position[1])));
                return inOrder;
            }
        }, "cannot claim rows");
    }

    /**
     * Ends a row. Ends are committed together, up to {@value #ENDS_PER_COMMIT} at a time and before anything else the
     * journal does: one that a crash loses leaves its row "sending", which the next run makes unknown — never sent
     * twice, only known less well.
     */
    @Override
    public synchronized void end(RowResult result) {
        if (result.outcome() == RowOutcome.ALREADY_DONE) {
            throw new IllegalArgumentException("a row is ended as sent, refused or unknown");
        }
        ends.add(result);
        if (ends.size() >= ENDS_PER_COMMIT) {
            flushEnds();
        }
    }

    private void flushEnds() {
        if (ends.isEmpty()) {
            return;
        }
        run(() -> {
            durability(false);
            try (PreparedStatement statement = connection.prepareStatement("UPDATE engagive_bulk_rows SET state = ?, "
                    + "message_id = ?, reason = ?, updated_at = ? WHERE campaign = ? AND row_key = ?")) {
                for (RowResult result : ends) {
                    statement.setString(1, result.outcome().name().toLowerCase(java.util.Locale.ROOT));
                    statement.setString(2, result.messageId().orElse(null));
                    statement.setString(3, result.reason().orElse(null));
                    statement.setLong(4, System.currentTimeMillis());
                    statement.setString(5, campaign);
                    statement.setString(6, result.key());
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
                ends.clear();
                return null;
            } finally {
                durability(true);
            }
        }, "cannot write the rows' ends");
    }

    @Override
    public synchronized void putBack(String key, Instant notBefore, String reason) {
        flushEnds();
        update("UPDATE engagive_bulk_rows SET state = 'pending', not_before = ?, put_backs = put_backs + 1, reason = ?, "
                + "worker = NULL, updated_at = ? WHERE campaign = ? AND row_key = ? AND state = 'sending'", statement -> {
                    statement.setLong(1, notBefore.toEpochMilli());
                    statement.setString(2, reason);
                    statement.setLong(3, System.currentTimeMillis());
                    statement.setString(4, campaign);
                    statement.setString(5, key);
                });
    }

    @Override
    public synchronized Instant nextTurns(Duration interval, int count, Instant now) {
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        long step = Math.max(1, interval.toNanos() / 1000);
        if (!dialect.sharedByWorkers()) {
            long first = Math.max(nextFree, micros);
            nextFree = first + step * count;
            return Instant.ofEpochSecond(first / 1_000_000, (first % 1_000_000) * 1000);
        }
        return run(() -> {
            try (PreparedStatement turn = connection.prepareStatement("UPDATE engagive_bulk_pace SET next_free = "
                    + dialect.greatest("next_free", "?") + " + ? WHERE campaign = ? RETURNING next_free")) {
                turn.setLong(1, micros);
                turn.setLong(2, step * count);
                turn.setString(3, campaign);
                long slot;
                try (ResultSet taken = turn.executeQuery()) {
                    taken.next();
                    slot = taken.getLong(1) - step * count;
                }
                connection.commit();
                return Instant.ofEpochSecond(slot / 1_000_000, (slot % 1_000_000) * 1000);
            }
        }, "cannot take turns of the pace");
    }

    @Override
    public synchronized void pause(Instant until) {
        long micros = until.getEpochSecond() * 1_000_000 + until.getNano() / 1000;
        if (!dialect.sharedByWorkers()) {
            nextFree = Math.max(nextFree, micros);
            return;
        }
        update("UPDATE engagive_bulk_pace SET next_free = " + dialect.greatest("next_free", "?") + " WHERE campaign = ?",
                statement -> {
                    statement.setLong(1, micros);
                    statement.setString(2, campaign);
                });
    }

    @Override
    public synchronized Optional<Instant> nextPending() {
        flushEnds();
        return run(() -> {
            try (PreparedStatement next = connection.prepareStatement("SELECT MIN(not_before), COUNT(*) FROM "
                    + "engagive_bulk_rows WHERE campaign = ? AND state = 'pending'")) {
                next.setString(1, campaign);
                try (ResultSet found = next.executeQuery()) {
                    found.next();
                    Optional<Instant> earliest = found.getLong(2) == 0 ? Optional.empty()
                            : Optional.of(Instant.ofEpochMilli(found.getLong(1)));
                    connection.commit();
                    return earliest;
                }
            }
        }, "cannot read the pending rows");
    }

    @Override
    public synchronized int resend(Collection<String> keys) {
        flushEnds();
        int total = 0;
        for (String key : keys) {
            total += update("UPDATE engagive_bulk_rows SET state = 'pending', not_before = 0, reason = 'sent again on "
                    + "request after it was unknown', updated_at = ? WHERE campaign = ? AND row_key = ? AND state = 'unknown'",
                    statement -> {
                        statement.setLong(1, System.currentTimeMillis());
                        statement.setString(2, campaign);
                        statement.setString(3, key);
                    });
        }
        return total;
    }

    @Override
    public synchronized void forEach(RowOutcome outcome, Consumer<RowResult> each) {
        flushEnds();
        String states = outcome == null ? "'sent', 'refused', 'unknown'"
                : "'" + outcome.name().toLowerCase(java.util.Locale.ROOT) + "'";
        run(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT row_key, recipient, state, message_id, "
                    + "reason FROM engagive_bulk_rows WHERE campaign = ? AND state IN (" + states + ") ORDER BY seq")) {
                select.setString(1, campaign);
                select.setFetchSize(BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.accept(result(rows));
                    }
                }
                connection.commit();
                return null;
            }
        }, "cannot read the journal");
    }

    @Override
    public synchronized BulkSummary summary() {
        flushEnds();
        return run(() -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT state, COUNT(*) FROM engagive_bulk_rows "
                    + "WHERE campaign = ? GROUP BY state")) {
                count.setString(1, campaign);
                long[] byState = new long[5];
                try (ResultSet counts = count.executeQuery()) {
                    while (counts.next()) {
                        int slot = switch (counts.getString(1)) {
                            case "sent" -> 0;
                            case "refused" -> 1;
                            case "unknown" -> 2;
                            case "sending" -> 4;
                            default -> 3;
                        };
                        byState[slot] += counts.getLong(2);
                    }
                }
                connection.commit();
                return new BulkSummary(byState[0] + byState[1] + byState[2] + byState[3] + byState[4], byState[0],
                        byState[1], byState[2], 0, byState[3], byState[4]);
            }
        }, "cannot count the journal's rows");
    }

    @Override
    public synchronized void close() {
        try {
            flushEnds();
            connection.close();
        } catch (SQLException e) {
            throw new BulkJournalException("cannot close the journal", e);
        } finally {
            JournalLock.release(lock);
        }
    }

    private static RowResult result(ResultSet row) throws SQLException {
        return new RowResult(row.getString(1), row.getString(2), RowOutcome.valueOf(row.getString(3)
                .toUpperCase(java.util.Locale.ROOT)), Optional.ofNullable(row.getString(4)),
                Optional.ofNullable(row.getString(5)));
    }

    /** Fills a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** A piece of work on the connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return run(() -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                int changed = statement.executeUpdate();
                connection.commit();
                return changed;
            }
        }, "cannot write the journal");
    }

    /**
     * SQLite: every commit reaches the disk (synchronous FULL), except ends (NORMAL: they reach the operating system,
     * so a killed process loses none; a power cut may lose the last of them, leaving their rows "sending", which the
     * next run makes unknown: a row is then known less well, never sent twice).
     */
    private void durability(boolean full) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            } finally {
                connection.setAutoCommit(false);
            }
        }
    }

    private <T> T run(Work<T> work, String what) {
        try {
            return work.run();
        } catch (SQLException e) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new BulkJournalException(what + " (campaign " + campaign + ")", e);
        }
    }
}
