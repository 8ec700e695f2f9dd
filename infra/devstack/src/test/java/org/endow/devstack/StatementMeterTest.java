package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementMeterTest {

    private static StatementMeter.Key key(String db, long id) {
        return new StatementMeter.Key(db, id);
    }

    @Test
    void countsStatementsAndCommitsPerRequestBetweenTwoSnapshots() {
        Map<StatementMeter.Key, StatementMeter.Counts> before = Map.of(
                key("donations", 1), new StatementMeter.Counts("insert into donation values ($1)", 100, 100),
                key("donations", 2), new StatementMeter.Counts("COMMIT", 100, 0),
                key("funds", 3), new StatementMeter.Counts("select\n  1", 7, 7));
        Map<StatementMeter.Key, StatementMeter.Counts> after = Map.of(
                key("donations", 1), new StatementMeter.Counts("insert into donation values ($1)", 300, 300),
                key("donations", 2), new StatementMeter.Counts("COMMIT", 300, 0),
                key("donations", 4), new StatementMeter.Counts("BEGIN", 200, 0),
                key("donations", 5), new StatementMeter.Counts("select rare()", 1, 1),
                key("funds", 3), new StatementMeter.Counts("select\n  1", 107, 107));

        String table = StatementMeter.perRequest(before, after, 200, "pledge");

        for (String expected : new String[] {
            "| donations | 1.01 | 1.00 |",
            "| funds | 0.50 | 0.00 |",
            "| **all** | **1.51** | **1.00** |",
            "| donations | `insert into donation values ($1)` | 1.00 | 1.00 |",
            "| funds | `select 1` | 0.50 | 0.50 |"
        }) {
            assertTrue(table.contains(expected), () -> expected + " in\n" + table);
        }
        // BEGIN is transaction control, not a statement; a statement run once in 200 pledges is left out
        assertFalse(table.contains("BEGIN"), table);
        assertFalse(table.contains("rare()"), table);
    }

    @Test
    void givesTheStatementsExecutionTimePerRequest() {
        Map<StatementMeter.Key, StatementMeter.Counts> before = Map.of(
                key("donations", 1), new StatementMeter.Counts("insert into donation values ($1)", 100, 100, 40.0),
                key("funds", 2), new StatementMeter.Counts("select slow()", 0, 0, 0.0));
        Map<StatementMeter.Key, StatementMeter.Counts> after = Map.of(
                key("donations", 1), new StatementMeter.Counts("insert into donation values ($1)", 300, 300, 90.0),
                key("funds", 2), new StatementMeter.Counts("select slow()", 2, 2, 20.0));

        String table = StatementMeter.perRequest(before, after, 200, "pledge");

        for (String expected : new String[] {
            "statements' execution, ms per pledge |",
            "| donations | 1.00 | 0.00 | 0.250 |",
            "| funds | 0.01 | 0.00 | 0.100 |",
            "| **all** | **1.01** | **0.00** | **0.350** |",
            "| donations | `insert into donation values ($1)` | 1.00 | 1.00 | 0.250 |",
            // run once per 100 pledges, but 0.1 ms per pledge: listed
            "| funds | `select slow()` | 0.01 | 0.01 | 0.100 |"
        }) {
            assertTrue(table.contains(expected), () -> expected + " in\n" + table);
        }
    }

    @Test
    void tellsCommitsFromOtherTransactionControl() {
        assertTrue(StatementMeter.isCommit("COMMIT"));
        assertTrue(StatementMeter.isCommit("commit "));
        assertTrue(StatementMeter.isTransactionControl("BEGIN"));
        assertTrue(StatementMeter.isTransactionControl("SET application_name = $1"));
        assertFalse(StatementMeter.isTransactionControl("select 1"));
    }
}
