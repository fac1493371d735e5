package io.engagive.sdk.bulk;

/** The journal could not be read or written: the campaign stops, and what the journal holds stays true. */
public final class BulkJournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the database's failure
     */
    public BulkJournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
