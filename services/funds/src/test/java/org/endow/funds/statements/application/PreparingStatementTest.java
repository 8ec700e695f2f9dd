package org.endow.funds.statements.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.application.InMemoryFundedItems;
import org.endow.funds.ledger.application.InMemoryJournal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.statements.application.PreparingStatement.Figures;
import org.endow.funds.statements.application.PreparingStatement.Statement;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** A statement's figures are the ledger's, and it lists every entry of its period or none. */
class PreparingStatementTest {

    static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2027-02-01T00:00:00Z");

    final InMemoryJournal journal = new InMemoryJournal();
    final InMemoryFundedItems items = new InMemoryFundedItems();

    {
        items.add(new FundedItem(
                "roof", "Roof", "", FundedItem.Kind.PROJECT, Money.of(1_000_000, "USD"), FundedItem.Status.OPEN));
        pledge("2026-12-20T10:00:00Z", 1_000); // before the period
        pledge("2027-01-05T10:00:00Z", 200);
        receipt("2027-01-10T10:00:00Z", 1_000);
        pledge("2027-01-20T10:00:00Z", 300);
        receipt("2027-01-25T10:00:00Z", 200);
        receipt("2027-02-03T10:00:00Z", 300); // after the period
    }

    @Test
    void the_opening_and_closing_figures_are_the_ledger_s_balances_at_the_period_s_ends() {
        Statement statement = new PreparingStatement(items, journal, 4).statement("roof", FROM, TO);

        assertEquals(new Figures(1_000, 0, 1_000), statement.opening());
        assertEquals(4, statement.lines().size());
        assertEquals(new Figures(300, 1_200, 1_500), statement.closing());
        assertEquals(statement.closing(), statement.lines().getLast().after(), "the entries add up to the closing");
    }

    @Test
    void a_period_with_more_entries_than_a_statement_lists_is_refused_asking_for_a_shorter_one() {
        ProblemException refused = assertThrows(
                ProblemException.class, () -> new PreparingStatement(items, journal, 3).statement("roof", FROM, TO));

        assertEquals(422, refused.status().getCode());
        assertEquals(
                "roof has 4 entries from 1 January 2027 to 31 January 2027; a statement lists every entry of its"
                        + " period, at most 3: ask for a shorter period",
                refused.getMessage());
        assertEquals("to", refused.errors().getFirst().field());
        // a period within the limit is listed whole
        assertEquals(
                3,
                new PreparingStatement(items, journal, 3)
                        .statement("roof", FROM, Instant.parse("2027-01-21T00:00:00Z"))
                        .lines()
                        .size());
    }

    private void pledge(String at, long minor) {
        journal.append(JournalEntry.pledge(UUID.randomUUID(), "d", "roof", Money.of(minor, "USD"), Instant.parse(at)));
    }

    private void receipt(String at, long minor) {
        journal.append(JournalEntry.receipt(UUID.randomUUID(), "d", "roof", Money.of(minor, "USD"), Instant.parse(at)));
    }
}
