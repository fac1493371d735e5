package io.engagive.sdk.bulk;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one row.
 *
 * @param key the row's key
 * @param to the row's recipient
 * @param outcome how it ended
 * @param messageId WhatsApp's message id ({@code wamid.…}) of a sent row, when the answer carried it
 * @param reason why a row was refused or is unknown, in words
 */
public record RowResult(String key, String to, RowOutcome outcome, Optional<String> messageId, Optional<String> reason) {

    /**
     * Checks the result.
     *
     * @throws NullPointerException when a part is null
     */
    public RowResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reason, "reason");
    }
}
