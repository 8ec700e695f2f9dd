package org.endow.grants.proposals.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The staff's proposals CSV: what an applicant typed cannot run as a spreadsheet formula. */
class StaffCsvTest {

    @Test
    void a_cell_a_spreadsheet_would_read_as_a_formula_starts_with_an_apostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", StaffController.csv("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", StaffController.csv("+1"));
        assertEquals("\"'-1\"", StaffController.csv("-1"));
        assertEquals("\"'@SUM(A1)\"", StaffController.csv("@SUM(A1)"));
        // a leading tab or carriage return: spreadsheets skip it and read the formula behind it
        assertEquals("\"'\t=1+1\"", StaffController.csv("\t=1+1"));
        assertEquals("\"'\r=1+1\"", StaffController.csv("\r=1+1"));
    }

    @Test
    void other_cells_are_quoted_as_they_are() {
        assertEquals("\"PyLadies Berlin, e.V.\"", StaffController.csv("PyLadies Berlin, e.V."));
        assertEquals("\"a \"\"quoted\"\" = title\"", StaffController.csv("a \"quoted\" = title"));
        assertEquals("", StaffController.csv(null));
    }
}
