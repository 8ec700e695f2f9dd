package org.endow.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void plain_text_stays_as_it_is_and_null_is_empty() {
        assertEquals("Ada Lovelace", CsvCell.of("Ada Lovelace"));
        assertEquals("", CsvCell.of(null));
        assertEquals("", CsvCell.of(""));
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertEquals("\"Lovelace, Ada\"", CsvCell.of("Lovelace, Ada"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCell.of("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCell.of("two\nlines"));
    }

    @Test
    void what_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvCell.of("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvCell.of("+1"));
        assertEquals("'-1", CsvCell.of("-1"));
        assertEquals("'@SUM(A1)", CsvCell.of("@SUM(A1)"));
        assertEquals("'\t=1", CsvCell.of("\t=1"));
        assertEquals("\"'\r=1\"", CsvCell.of("\r=1"));
    }
}
