package org.endow.funds.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventSamples;
import org.endow.events.sponsorships.v1.SponsorshipEvents;
import org.endow.events.sponsorships.v1.SponsorshipPaid;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.model.Account;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** Consumer side of the SponsorshipPaid contract: the golden sample lands split on the right funds. */
class RecordingSponsorshipPaymentTest {

    final InMemoryJournal journal = new InMemoryJournal();
    final InMemoryFundedItems items = new InMemoryFundedItems();
    final RecordingSponsorshipPayment recording = new RecordingSponsorshipPayment(
            journal, items, new RecordingSponsorshipPayment.ProgramItems(Map.of("packaging", "packaging")));

    {
        for (String code : List.of("packaging", "general")) {
            items.add(new FundedItem(
                    code, code, "", FundedItem.Kind.PROJECT, Money.of(40_000_000, "USD"), FundedItem.Status.OPEN));
        }
    }

    @SuppressWarnings("unchecked") // Argument.of(EventEnvelope.class, SponsorshipPaid.class) fixes T
    static EventEnvelope<SponsorshipPaid> sample() throws Exception {
        return ObjectMapper.getDefault()
                .readValue(
                        EventSamples.read(SponsorshipEvents.SPONSORSHIP_PAID),
                        Argument.of(EventEnvelope.class, SponsorshipPaid.class));
    }

    @Test
    void the_golden_sample_gives_the_packaging_share_to_packaging_and_the_rest_to_the_general_fund() throws Exception {
        EventEnvelope<SponsorshipPaid> paid = sample();

        recording.handle(paid);
        recording.handle(paid);

        assertEquals(1, journal.size());
        assertEquals(300_000L, journal.balances("packaging", "USD").get(Account.CASH));
        assertEquals(300_000L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertEquals(1_200_000L, journal.balances("general", "USD").get(Account.CASH));
        assertEquals(1_200_000L, journal.balances("general", "USD").get(Account.FUND_BALANCE));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
    }

    @Test
    void a_program_mapped_to_a_closed_item_gives_its_share_to_the_general_fund() throws Exception {
        items.update(new FundedItem(
                "packaging",
                "packaging",
                "",
                FundedItem.Kind.PROJECT,
                Money.of(40_000_000, "USD"),
                FundedItem.Status.CLOSED));

        recording.handle(sample());

        assertTrue(journal.balances("packaging", "USD").isEmpty(), "a closed item takes no more money");
        assertEquals(1_500_000L, journal.balances("general", "USD").get(Account.CASH));
        assertEquals(1_500_000L, journal.balances("general", "USD").get(Account.FUND_BALANCE));
    }

    @Test
    void a_program_mapped_to_an_item_kept_in_another_currency_gives_its_share_to_the_general_fund() throws Exception {
        items.update(new FundedItem(
                "packaging",
                "packaging",
                "",
                FundedItem.Kind.PROJECT,
                Money.of(40_000_000, "EUR"),
                FundedItem.Status.OPEN));

        recording.handle(sample()); // paid in USD

        assertTrue(journal.balances("packaging", "USD").isEmpty(), "no USD in an item kept in EUR");
        assertTrue(journal.balances("packaging", "EUR").isEmpty());
        assertEquals(1_500_000L, journal.balances("general", "USD").get(Account.CASH));
    }

    @Test
    void a_split_that_does_not_add_up_to_the_fee_is_refused_so_that_it_is_dead_lettered() throws Exception {
        EventEnvelope<SponsorshipPaid> sample = sample();
        SponsorshipPaid p = sample.payload();
        var broken = new EventEnvelope<>(
                UUID.randomUUID(),
                sample.type(),
                sample.version(),
                sample.occurredAt(),
                sample.aggregateId(),
                null,
                new SponsorshipPaid(
                        p.sponsorshipId(),
                        p.organisation(),
                        p.year(),
                        p.packageCode(),
                        p.amountMinor() + 1,
                        p.currency(),
                        p.invoiceNumber(),
                        p.paidAt(),
                        p.split()));

        assertThrows(IllegalStateException.class, () -> recording.handle(broken));
        assertEquals(0, journal.size());
    }
}
