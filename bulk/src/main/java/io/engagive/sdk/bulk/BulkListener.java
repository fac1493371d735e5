package io.engagive.sdk.bulk;

/** Hears how each row ends and how the campaign progresses; called from the sender's threads, so it must be quick. */
public interface BulkListener {

    /** A listener that ignores everything. */
    BulkListener NONE = new BulkListener() {
    };

    /**
     * A row has ended.
     *
     * @param result what became of it
     */
    default void rowEnded(RowResult result) {
    }

    /**
     * About once a second while the campaign runs.
     *
     * @param progress where it is
     */
    default void progress(BulkProgress progress) {
    }
}
