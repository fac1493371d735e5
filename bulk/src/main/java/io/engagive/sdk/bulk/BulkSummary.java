package io.engagive.sdk.bulk;

/**
 * A campaign's rows counted by state, from its journal.
 *
 * @param total every row of the campaign
 * @param sent rows sent
 * @param refused rows refused (not sent)
 * @param unknown rows that may have been sent
 * @param alreadyDone rows this run found ended by an earlier one
 * @param pending rows waiting to be sent (not yet taken, or put back after a pacing refusal)
 * @param sending rows being sent now — by another worker of a shared journal, or left mid-send by a worker that
 *     stopped, which makes them unknown when it runs again
 */
public record BulkSummary(long total, long sent, long refused, long unknown, long alreadyDone, long pending,
        long sending) {

    /**
     * Tells whether every row has ended.
     *
     * @return true when no row is pending or being sent
     */
    public boolean finished() {
        return pending == 0 && sending == 0;
    }
}
