package io.engagive.sdk.bulk;

import java.util.List;
import java.util.Objects;

/**
 * One message of a campaign: to whom, which approved template in which language, its body parameters in order, and a
 * key unique in the campaign, by which the journal knows the row across runs and workers.
 *
 * @param key unique in the campaign, e.g. an order number; never reused for another message
 * @param to the recipient's number, digits only with the country code
 * @param template the approved template's name
 * @param language the template's language code, e.g. {@code en_US}
 * @param parameters the template's body parameters, in order; may be empty
 */
public record BulkRow(String key, String to, String template, String language, List<String> parameters) {

    /**
     * Checks the row.
     *
     * @throws IllegalArgumentException when the key, recipient, template or language is blank
     */
    public BulkRow {
        requireText(key, "key");
        requireText(to, "to");
        requireText(template, "template");
        requireText(language, "language");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a bulk row's " + name + " must not be blank");
        }
    }
}
