package io.engagive.sdk.cli;

import io.engagive.sdk.bulk.BulkJournal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A campaign's report: one CSV line per ended row (key, to, outcome, message id, reason), from the journal. */
final class BulkReport {

    private BulkReport() {
    }

    static void write(BulkJournal journal, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("key,to,outcome,message_id,reason\n");
            journal.forEach(null, row -> {
                try {
                    out.write(field(row.key()) + "," + field(row.to()) + "," + row.outcome().name().toLowerCase(Locale.ROOT)
                            + "," + field(row.messageId().orElse("")) + "," + field(row.reason().orElse("")) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot write the report " + file,
                    e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e);
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
