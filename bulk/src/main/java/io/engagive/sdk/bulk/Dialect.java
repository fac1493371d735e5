package io.engagive.sdk.bulk;

import java.util.List;

/** What SQLite and PostgreSQL write differently in the journal's SQL. */
enum Dialect {
    /** One process per journal file: every row left "sending" is this process's. */
    SQLITE("", "MAX", List.of()),
    /** Many workers per campaign: claims skip rows another worker holds, and each worker recovers its own rows. */
    POSTGRES(" FOR UPDATE SKIP LOCKED", "GREATEST", List.of("SELECT pg_advisory_xact_lock(7235047)"));

    private final String skipLocked;
    private final String greatest;
    private final List<String> schemaLock;

    Dialect(String skipLocked, String greatest, List<String> schemaLock) {
        this.skipLocked = skipLocked;
        this.greatest = greatest;
        this.schemaLock = schemaLock;
    }

    /**
     * What makes workers that start together create the schema one after another, in one transaction: PostgreSQL's
     * {@code CREATE TABLE IF NOT EXISTS} run at once by two sessions can fail on its catalog's unique index (a
     * transaction-scoped advisory lock); nothing for SQLite, whose file lock lets one process in.
     */
    List<String> schemaLock() {
        return schemaLock;
    }

    List<String> schema() {
        return List.of("CREATE TABLE IF NOT EXISTS engagive_bulk_rows (campaign TEXT NOT NULL, row_key TEXT NOT NULL, "
                        + "seq BIGINT NOT NULL, recipient TEXT NOT NULL, template TEXT NOT NULL, language TEXT NOT NULL, "
                        + "parameters TEXT NOT NULL, state TEXT NOT NULL, not_before BIGINT NOT NULL, "
                        + "put_backs INTEGER NOT NULL, message_id TEXT, reason TEXT, worker TEXT, "
                        + "updated_at BIGINT NOT NULL, PRIMARY KEY (campaign, row_key))",
                "CREATE INDEX IF NOT EXISTS engagive_bulk_rows_by_state ON engagive_bulk_rows (campaign, state, seq)",
                "CREATE TABLE IF NOT EXISTS engagive_bulk_pace (campaign TEXT PRIMARY KEY, next_free BIGINT NOT NULL)");
    }

    String skipLocked() {
        return skipLocked;
    }

    String greatest(String left, String right) {
        return greatest + "(" + left + ", " + right + ")";
    }

    /** The condition that limits recovery to the worker's own rows, with one parameter, where workers share. */
    String ownRows() {
        return sharedByWorkers() ? " AND worker = ?" : "";
    }

    boolean sharedByWorkers() {
        return this == POSTGRES;
    }
}
