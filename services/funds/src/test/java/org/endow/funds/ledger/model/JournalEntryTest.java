package org.endow.funds.ledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    static final Instant AT = Instant.parse("2026-11-20T14:05:00Z");

    @Test
    void a_pledge_debits_the_receivable_and_credits_the_fund() {
        JournalEntry entry = JournalEntry.pledge(UUID.randomUUID(), "d-1", "packaging", Money.of(500, "USD"), AT);

        assertEquals(2, entry.postings().size());
        assertEquals(Side.DEBIT, entry.postings().get(0).side());
        assertEquals(Account.PLEDGES_RECEIVABLE, entry.postings().get(0).account());
        assertEquals(Side.CREDIT, entry.postings().get(1).side());
        assertEquals(Account.FUND_BALANCE, entry.postings().get(1).account());
    }

    @Test
    void the_same_source_event_always_makes_the_same_entry_id() {
        UUID source = UUID.randomUUID();
        assertEquals(
                JournalEntry.pledge(source, "d", "packaging", Money.of(1, "USD"), AT)
                        .id(),
                JournalEntry.pledge(source, "d", "packaging", Money.of(1, "USD"), AT)
                        .id());
    }

    @Test
    void an_unbalanced_entry_cannot_exist() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new JournalEntry(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        JournalEntry.EntryKind.DONATION_PLEDGED,
                        "packaging",
                        "broken",
                        AT,
                        List.of(
                                Posting.debit(Account.PLEDGES_RECEIVABLE, "packaging", Money.of(500, "USD")),
                                Posting.credit(Account.FUND_BALANCE, "packaging", Money.of(499, "USD")))));
    }

    @Test
    void balancing_is_per_currency() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new JournalEntry(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        JournalEntry.EntryKind.DONATION_PLEDGED,
                        "packaging",
                        "mixed",
                        AT,
                        List.of(
                                Posting.debit(Account.PLEDGES_RECEIVABLE, "packaging", Money.of(500, "USD")),
                                Posting.credit(Account.FUND_BALANCE, "packaging", Money.of(500, "EUR")))));
    }

    @Test
    void postings_are_positive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Posting.debit(Account.PLEDGES_RECEIVABLE, "packaging", Money.of(0, "USD")));
    }

    @Test
    void percent_of_target_counts_money_raised_rounds_down_and_handles_no_target() {
        Money zero = Money.of(0, "USD");
        Money hundred = Money.of(100, "USD");
        assertEquals(33, new ItemBalance(Money.of(300, "USD"), zero, hundred, zero, hundred, zero).percentOfTarget());
        assertEquals(0, new ItemBalance(Money.of(300, "USD"), hundred, zero, zero, hundred, zero).percentOfTarget());
        assertEquals(0, new ItemBalance(zero, zero, hundred, zero, hundred, zero).percentOfTarget());
        assertEquals(
                60,
                new ItemBalance(zero, zero, hundred, Money.of(40, "USD"), hundred, zero)
                        .available()
                        .minor());
        // 100 raised, 30 paid out to a grant, 40 still reserved: 30 left for new grants
        assertEquals(
                30,
                new ItemBalance(zero, zero, hundred, Money.of(40, "USD"), hundred, Money.of(30, "USD"))
                        .available()
                        .minor());
    }
}
