package io.engagive.sdk.cli;

import io.engagive.sdk.bulk.BulkJournal;
import java.nio.file.Path;

/**
 * Opens the journal {@code --journal} names: a file (SQLite) or a {@code jdbc:postgresql:} URL, whose user and
 * password come from {@code ENGAGIVE_JOURNAL_USER} and {@code ENGAGIVE_JOURNAL_PASSWORD}.
 */
final class JournalOption {

    static final String USER_VARIABLE = "ENGAGIVE_JOURNAL_USER";
    static final String PASSWORD_VARIABLE = "ENGAGIVE_JOURNAL_PASSWORD";

    private JournalOption() {
    }

    static BulkJournal open(String journal, String campaign, Environment environment) {
        if (journal.startsWith("jdbc:postgresql:")) {
            String password = environment.variable(PASSWORD_VARIABLE);
            return BulkJournal.postgres(journal, environment.variable(USER_VARIABLE), password == null ? "" : password,
                    campaign);
        }
        return BulkJournal.sqlite(Path.of(journal));
    }
}
