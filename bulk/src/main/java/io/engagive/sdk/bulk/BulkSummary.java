package io.engagive.sdk.bulk;

/**
 * A campaign's rows counted by state, from its journal.
 *
 * @param total every row of the campaign
 * @param sent rows sent
 * @param refused rows refused (not sent)
 * @param unknown rows that may have been sent
 * @param alreadyDone rows this run found ended by an earlier one
 * @param pending rows not yet ended (waiting, or put back after a pacing refusal)
 */
public record BulkSummary(long total, long sent, long refused, long unknown, long alreadyDone, long pending) {

    /**
     * Tells whether every row has ended.
     *
     * @return true when no row is pending
     */
    public boolean finished() {
        return pending == 0;
    }
}
