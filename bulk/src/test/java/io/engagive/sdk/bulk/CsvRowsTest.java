package io.engagive.sdk.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV rows as RFC 4180 writes them: quotes, commas and line breaks inside fields, CRLF, a clear refusal otherwise. */
class CsvRowsTest {

    private static List<BulkRow> read(String csv, List<String> parameters) {
        List<BulkRow> rows = new ArrayList<>();
        try (CsvRows source = CsvRows.read(new StringReader(csv), "order_shipped", "en_US", parameters)) {
            source.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void keyRecipientAndEveryOtherColumnAsParametersInOrder() {
        List<BulkRow> rows = read("key,to,name,order\r\nA-1,923001234567,Ada,#1\r\nA-2,923001234568,\"Lovelace, Ada\",\"#\"\"2\"\"\"\r\n",
                List.of());

        assertThat(rows).containsExactly(
                new BulkRow("A-1", "923001234567", "order_shipped", "en_US", List.of("Ada", "#1")),
                new BulkRow("A-2", "923001234568", "order_shipped", "en_US", List.of("Lovelace, Ada", "#\"2\"")));
    }

    @Test
    void withoutAKeyColumnARowIsKeyedByItsPositionAndNamedColumnsPickTheParameters() {
        List<BulkRow> rows = read("To,Name,Note\n923001234567,Ada,\"two\nlines\"\n\n923001234568,Bob,x", List.of("note", "name"));

        assertThat(rows).extracting(BulkRow::key).containsExactly("row-1", "row-2");
        assertThat(rows.get(0).parameters()).containsExactly("two\nlines", "Ada");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedWithItsLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("to,name\n923001234567,Ada\n923001234568\n", List.of()))
                .withMessageContaining("line 3").withMessageContaining("1 fields");
    }

    @Test
    void aHeaderWithoutToOrWithoutANamedColumnIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("phone,name\n1,2\n", List.of()))
                .withMessageContaining("\"to\"");
        assertThatIllegalArgumentException().isThrownBy(() -> read("to,name\n1,2\n", List.of("surname")))
                .withMessageContaining("\"surname\"");
    }

    @Test
    void aBlankRecipientIsRefusedWithItsLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("to,name\n923001234567,Ada\n ,Bob\n", List.of()))
                .withMessageContaining("line 3").withMessageContaining("to");
    }
}
