package io.engagive.sdk.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A campaign's rows read from CSV (RFC 4180: a header line, commas, double quotes), one line at a time, never the
 * whole file. The header names the columns: {@code to} (required), {@code key} (optional; without it a row's key is
 * {@code row-<n>}, its position, so the file must not change between runs), and the template's body parameters:
 * the columns given, or every other column in order.
 */
public final class CsvRows implements Iterator<BulkRow>, AutoCloseable {

    private final BufferedReader reader;
    private final String template;
    private final String language;
    private final int toColumn;
    private final int keyColumn;
    private final int[] parameterColumns;
    private final int width;
    private long line = 1;
    private long row;
    private BulkRow next;

    private CsvRows(BufferedReader reader, String template, String language, List<String> header,
            List<String> parameters) {
        this.reader = reader;
        this.template = template;
        this.language = language;
        this.width = header.size();
        this.toColumn = column(header, "to");
        this.keyColumn = header.indexOf("key");
        if (toColumn < 0) {
            throw new IllegalArgumentException("the CSV's header has no \"to\" column: " + header);
        }
        List<Integer> columns = new ArrayList<>();
        if (parameters.isEmpty()) {
            for (int i = 0; i < header.size(); i++) {
                if (i != toColumn && i != keyColumn) {
                    columns.add(i);
                }
            }
        } else {
            parameters.forEach(name -> columns.add(column(header, name)));
        }
        this.parameterColumns = columns.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads rows from CSV.
     *
     * @param csv the CSV, header first; closed with the rows
     * @param template the approved template every row sends
     * @param language the template's language code
     * @param parameterColumns the columns of the body parameters in order; empty for every column but {@code to}
     *     and {@code key}
     * @return the rows
     * @throws IllegalArgumentException when the header lacks {@code to} or a named column
     */
    public static CsvRows read(Reader csv, String template, String language, List<String> parameterColumns) {
        BufferedReader reader = csv instanceof BufferedReader buffered ? buffered : new BufferedReader(csv, 64 * 1024);
        try {
            List<String> header = new ArrayList<>();
            for (String name : fields(reader)) {
                header.add(name.strip().toLowerCase(Locale.ROOT));
            }
            List<String> wanted = parameterColumns.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
            return new CsvRows(reader, template, language, header, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV's header", e);
        }
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0 && !name.equals("to")) {
            throw new IllegalArgumentException("the CSV's header has no \"" + name + "\" column: " + header);
        }
        return index;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRow();
        }
        return next != null;
    }

    @Override
    public BulkRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BulkRow row = next;
        next = null;
        return row;
    }

    private BulkRow readRow() {
        try {
            List<String> fields;
            do {
                line++;
                fields = fields(reader);
                if (fields == null) {
                    return null;
                }
            } while (fields.size() == 1 && fields.get(0).isBlank());
            row++;
            if (fields.size() != width) {
                throw new IllegalArgumentException("line " + line + " of the CSV has " + fields.size()
                        + " fields; the header has " + width);
            }
            List<String> parameters = new ArrayList<>(parameterColumns.length);
            for (int column : parameterColumns) {
                parameters.add(fields.get(column));
            }
            String key = keyColumn < 0 ? "row-" + row : fields.get(keyColumn);
            return new BulkRow(key, fields.get(toColumn).strip(), template, language, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + line + " of the CSV", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("line ") ? e.getMessage()
                    : "line " + line + " of the CSV: " + e.getMessage(), e);
        }
    }

    /** One record's fields, quotes undone (a quoted field may hold commas, quotes and line breaks); null at the end. */
    private static List<String> fields(BufferedReader reader) throws IOException {
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IllegalArgumentException("a quoted field is not closed before the end of the CSV");
                }
                if (c == '"') {
                    reader.mark(1);
                    int after = reader.read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        reader.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c < 0) {
                fields.add(stripReturn(field));
                return fields;
            } else {
                field.append((char) c);
            }
            c = reader.read();
        }
    }

    private static String stripReturn(StringBuilder field) {
        int end = field.length();
        return end > 0 && field.charAt(end - 1) == '\r' ? field.substring(0, end - 1) : field.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the CSV", e);
        }
    }
}
