package io.engagive.sdk.cli;

import io.engagive.sdk.internal.redaction.Printable;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Prints results as a table or as JSON. */
final class Printer {

    private final ObjectMapper mapper = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final PrintWriter out;
    private final OutputFormat format;

    Printer(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    /** A column: its header and how to read a row's cell. */
    static <T> Column<T> column(String header, Function<T, Object> cell) {
        return new Column<>(header, cell);
    }

    /** One column of a table. */
    static final class Column<T> {
        private final String header;
        private final Function<T, Object> cell;

        private Column(String header, Function<T, Object> cell) {
            this.header = header;
            this.cell = cell;
        }
    }

    /**
     * @param envelope the whole response, printed as JSON
     * @param rows the rows of the table
     * @param columns the table's columns
     */
    @SafeVarargs
    final <T> void print(Object envelope, List<T> rows, Column<T>... columns) {
        if (format == OutputFormat.json) {
            json(envelope);
            return;
        }
        List<String[]> lines = new ArrayList<>();
        String[] headers = new String[columns.length];
        int[] widths = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            headers[c] = columns[c].header;
            widths[c] = headers[c].length();
        }
        for (T row : rows == null ? List.<T>of() : rows) {
            String[] line = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                Object value = columns[c].cell.apply(row);
                line[c] = value == null ? "-" : Printable.escape(value.toString());
                widths[c] = Math.max(widths[c], line[c].length());
            }
            lines.add(line);
        }
        printLine(headers, widths);
        lines.forEach(line -> printLine(line, widths));
        if (lines.isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    void json(Object value) {
        try {
            out.println(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the result as JSON", e);
        }
        out.flush();
    }

    private void printLine(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(c == cells.length - 1 ? cells[c] : String.format("%-" + widths[c] + "s  ", cells[c]));
        }
        out.println(line.toString().stripTrailing());
    }
}
