package org.endow.kernel;

/**
 * One cell of the CSV files staff open in a spreadsheet: quoted as RFC 4180 asks when it holds a comma, quote or
 * line break, and prefixed with an apostrophe when it starts with a character a spreadsheet would run as a formula
 * ({@code = + - @}) or skip to reach one (a tab or carriage return).
 */
public final class CsvCell {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCell() {}

    /** The cell for {@code value}; null is an empty cell. */
    public static String of(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
