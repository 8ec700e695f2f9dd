package org.endow.funds.staff.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.application.InMemoryFundedItems;
import org.endow.funds.ledger.application.InMemoryJournal;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.reservations.application.Availability;
import org.endow.funds.reservations.application.InMemoryReservations;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class StaffDecisionsTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final InMemoryFundedItems items = new InMemoryFundedItems();
    final InMemoryJournal journal = new InMemoryJournal();
    final InMemoryReservations reservations = new InMemoryReservations();
    final List<String> audit = new ArrayList<>();
    final AuditTrail trail = new AuditTrail() {
        @Override
        public void record(String actor, String action, String target, String details, Instant at) {
            audit.add(actor + " " + action + " " + target);
        }

        @Override
        public List<Entry> latest(int limit) {
            return List.of();
        }
    };
    final Availability availability = new Availability(journal, reservations);
    final TransferringFunds transferring =
            new TransferringFunds(items, journal, availability, trail, Clock.fixed(NOW, ZoneOffset.UTC));
    final RecordingInKind inKind = new RecordingInKind(items, journal, trail, Clock.fixed(NOW, ZoneOffset.UTC));

    {
        items.add(item("general", FundedItem.Kind.GENERAL, 0));
        items.add(item("core-sprint-2027", FundedItem.Kind.EVENT, 8_000_000));
        journal.append(JournalEntry.pledge(UUID.randomUUID(), "d", "general", Money.of(500_000, "USD"), NOW));
        journal.append(JournalEntry.receipt(UUID.randomUUID(), "d", "general", Money.of(500_000, "USD"), NOW));
    }

    @Test
    void staff_move_raised_money_from_the_general_fund_to_an_item_with_a_reason() {
        assertTrue(transferring.transfer(command(200_000, "Sprint travel shortfall", null)));

        assertEquals(300_000L, journal.balances("general", "USD").get(Account.CASH));
        assertEquals(200_000L, journal.balances("core-sprint-2027", "USD").get(Account.CASH));
        assertEquals(200_000L, journal.balances("core-sprint-2027", "USD").get(Account.FUND_BALANCE));
        assertEquals(300_000L, journal.balances("general", "USD").get(Account.FUND_BALANCE));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
        assertEquals(List.of("staff-1 funds.transferred general -> core-sprint-2027"), audit);
    }

    @Test
    void the_same_request_twice_moves_the_money_once() {
        assertTrue(transferring.transfer(command(100_000, "Sprint", "key-1")));
        assertFalse(transferring.transfer(command(100_000, "Sprint", "key-1")));

        assertEquals(400_000L, journal.balances("general", "USD").get(Account.CASH));
        assertEquals(1, audit.size());
    }

    @Test
    void only_money_raised_and_not_reserved_can_move_and_every_refusal_names_its_field() {
        assertEquals("amountMinor", field(() -> transferring.transfer(command(500_001, "too much", null))));
        assertEquals("reason", field(() -> transferring.transfer(command(1, " ", null))));
        assertEquals(
                "toFund",
                field(() ->
                        transferring.transfer(new TransferCommand("staff-1", "general", "nope", 1, "USD", "r", null))));
        assertEquals(
                "currency",
                field(() -> transferring.transfer(
                        new TransferCommand("staff-1", "general", "core-sprint-2027", 1, "EUR", "r", null))));
        assertTrue(audit.isEmpty());
    }

    @Test
    void a_contribution_in_kind_is_given_to_the_fund_but_is_not_cash() {
        inKind.record("staff-1", "core-sprint-2027", 3_000_000, "USD", "Venue for the sprint week");

        assertEquals(3_000_000L, journal.balances("core-sprint-2027", "USD").get(Account.FUND_BALANCE));
        assertEquals(3_000_000L, journal.balances("core-sprint-2027", "USD").get(Account.IN_KIND));
        assertEquals(null, journal.balances("core-sprint-2027", "USD").get(Account.CASH));
        assertEquals(List.of("staff-1 funds.in-kind-recorded core-sprint-2027"), audit);
    }

    private static TransferCommand command(long amount, String reason, String key) {
        return new TransferCommand("staff-1", "general", "core-sprint-2027", amount, "USD", reason, key);
    }

    private static String field(Runnable action) {
        return assertThrows(ProblemException.class, action::run)
                .errors()
                .getFirst()
                .field();
    }

    private static FundedItem item(String code, FundedItem.Kind kind, long target) {
        return new FundedItem(code, code, "", kind, Money.of(target, "USD"), FundedItem.Status.OPEN);
    }
}
