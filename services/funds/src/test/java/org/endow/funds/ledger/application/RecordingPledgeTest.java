package org.endow.funds.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventSamples;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.model.Account;
import org.endow.kernel.Money;
import org.endow.platform.messaging.UnprocessableEvent;
import org.junit.jupiter.api.Test;

/** Consumer side of the contract: the golden DonationPledged sample lands in the ledger. */
class RecordingPledgeTest {

    final InMemoryJournal journal = new InMemoryJournal();
    final InMemoryFundedItems items = new InMemoryFundedItems();
    final InMemoryExchangeRates rates = new InMemoryExchangeRates();
    final LedgerCurrency currency = new LedgerCurrency(rates);
    final ItemCurrencies itemCurrencies = new ItemCurrencies(items);
    final InMemoryGiftReturns returns = new InMemoryGiftReturns();
    final RecordingPledge recording = new RecordingPledge(journal, itemCurrencies, currency);

    {
        items.add(new FundedItem(
                "packaging",
                "Packaging",
                "",
                FundedItem.Kind.PROJECT,
                Money.of(40_000_000, "USD"),
                FundedItem.Status.OPEN));
    }

    @Test
    void the_golden_sample_is_recorded_as_a_balanced_pledge_to_its_item() throws Exception {
        EventEnvelope<DonationPledged> sample = sample();

        recording.handle(sample);

        Map<Account, Long> balances = journal.balances("packaging", "USD");
        assertEquals(250_000L, balances.get(Account.PLEDGES_RECEIVABLE));
        assertEquals(250_000L, balances.get(Account.FUND_BALANCE));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
    }

    @Test
    void the_golden_receipt_sample_moves_the_pledge_to_raised() throws Exception {
        recording.handle(sample());
        @SuppressWarnings("unchecked") // Argument.of(EventEnvelope.class, DonationReceived.class) fixes T
        EventEnvelope<DonationReceived> receipt = ObjectMapper.getDefault()
                .readValue(
                        EventSamples.read(DonationEvents.DONATION_RECEIVED),
                        Argument.of(EventEnvelope.class, DonationReceived.class));
        RecordingReceipt receipts = new RecordingReceipt(journal, itemCurrencies, currency);

        receipts.handle(receipt);
        receipts.handle(receipt);

        Map<Account, Long> balances = journal.balances("packaging", "USD");
        assertEquals(0L, balances.get(Account.PLEDGES_RECEIVABLE));
        assertEquals(250_000L, balances.get(Account.CASH));
        assertEquals(250_000L, balances.get(Account.FUND_BALANCE));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
    }

    @Test
    void the_golden_refund_and_lost_dispute_samples_take_money_out_of_the_item() throws Exception {
        recording.handle(sample());
        new RecordingReceipt(journal, itemCurrencies, currency)
                .handle(envelope(DonationEvents.DONATION_RECEIVED, DonationReceived.class));
        var refunds = new RecordingReturnedGift.Refunds(journal, itemCurrencies, currency, returns);
        var refund = envelope(DonationEvents.DONATION_REFUNDED, org.endow.events.donations.v1.DonationRefunded.class);
        refunds.handle(refund);
        refunds.handle(refund);

        assertEquals(200_000L, journal.balances("packaging", "USD").get(Account.CASH));
        assertEquals(200_000L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));

        var disputes = new RecordingReturnedGift.Disputes(journal, itemCurrencies, currency, returns);
        var lost = envelope(DonationEvents.DONATION_DISPUTED, org.endow.events.donations.v1.DonationDisputed.class);
        var lostPart = new EventEnvelope<>(
                lost.eventId(),
                lost.type(),
                lost.version(),
                lost.occurredAt(),
                lost.aggregateId(),
                null,
                new org.endow.events.donations.v1.DonationDisputed(
                        lost.payload().donationId(),
                        "LOST",
                        200_000,
                        "USD",
                        "packaging",
                        lost.payload().disputeId(),
                        lost.payload().occurredAt()));
        disputes.handle(lostPart);
        var opened = new EventEnvelope<>(
                UUID.randomUUID(),
                lost.type(),
                lost.version(),
                lost.occurredAt(),
                lost.aggregateId(),
                null,
                new org.endow.events.donations.v1.DonationDisputed(
                        lost.payload().donationId(), "OPEN", 200_000, "USD", "packaging", "dp_2", lost.occurredAt()));
        disputes.handle(opened);

        assertEquals(0L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.CASH), "all 2,500.00 went back out");
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
    }

    @SuppressWarnings("unchecked") // Argument.of(EventEnvelope.class, type) fixes T
    static <T> EventEnvelope<T> envelope(org.endow.events.EventType<T> type, Class<T> payload) throws Exception {
        return ObjectMapper.getDefault().readValue(EventSamples.read(type), Argument.of(EventEnvelope.class, payload));
    }

    @Test
    void the_same_event_twice_is_recorded_once() throws Exception {
        EventEnvelope<DonationPledged> sample = sample();

        recording.handle(sample);
        recording.handle(sample);

        assertEquals(1, journal.size());
        assertEquals(250_000L, journal.balances("packaging", "USD").get(Account.PLEDGES_RECEIVABLE));
    }

    @Test
    void a_run_of_pledges_is_recorded_in_one_write_and_a_repeated_one_once() throws Exception {
        EventEnvelope<DonationPledged> first = sample();
        DonationPledged p = first.payload();
        EventEnvelope<DonationPledged> second = new EventEnvelope<>(
                UUID.randomUUID(),
                first.type(),
                first.version(),
                first.occurredAt(),
                UUID.randomUUID().toString(),
                null,
                new DonationPledged(
                        UUID.randomUUID().toString(),
                        p.donorId(),
                        1_000,
                        p.currency(),
                        p.fundCode(),
                        p.method(),
                        p.pledgedAt()));

        recording.handleAll(java.util.List.of(first, second, first));

        assertEquals(2, journal.size());
        assertEquals(251_000L, journal.balances("packaging", "USD").get(Account.PLEDGES_RECEIVABLE));
        assertEquals(251_000L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
    }

    @Test
    void a_pledge_to_an_unknown_item_is_refused_as_unprocessable_so_that_it_is_dead_lettered_at_once()
            throws Exception {
        EventEnvelope<DonationPledged> sample = sample();
        DonationPledged p = sample.payload();
        var unknown = new EventEnvelope<>(
                UUID.randomUUID(),
                sample.type(),
                sample.version(),
                sample.occurredAt(),
                sample.aggregateId(),
                null,
                new DonationPledged(
                        p.donationId(), p.donorId(), p.amountMinor(), p.currency(), "nope", p.method(), p.pledgedAt()));

        UnprocessableEvent refused = assertThrows(UnprocessableEvent.class, () -> recording.handle(unknown));
        assertTrue(refused.getMessage().contains("unknown fund nope"), refused.getMessage());
        assertEquals(0, journal.size());
    }

    @SuppressWarnings("unchecked") // Argument.of(EventEnvelope.class, DonationPledged.class) fixes T
    private static EventEnvelope<DonationPledged> sample() throws Exception {
        return ObjectMapper.getDefault()
                .readValue(
                        EventSamples.read(DonationEvents.DONATION_PLEDGED),
                        Argument.of(EventEnvelope.class, DonationPledged.class));
    }

    @Test
    void a_gift_in_another_currency_waits_for_a_rate_then_keeps_it_through_its_refund() throws Exception {
        EventEnvelope<DonationPledged> usd = sample();
        DonationPledged p = usd.payload();
        DonationPledged inEuros = new DonationPledged(
                p.donationId(), p.donorId(), 10_000, "EUR", p.fundCode(), p.method(), p.pledgedAt());
        EventEnvelope<DonationPledged> pledge = new EventEnvelope<>(
                UUID.randomUUID(),
                usd.type(),
                usd.version(),
                usd.occurredAt(),
                usd.aggregateId(),
                usd.correlationId(),
                inEuros);

        LedgerCurrency.NoExchangeRate none =
                assertThrows(LedgerCurrency.NoExchangeRate.class, () -> recording.handle(pledge));
        assertTrue(none.getMessage().contains("no exchange rate recorded for EUR to USD"), none.getMessage());
        assertEquals(0, journal.size(), "nothing written without a rate");

        rates.record(
                new org.endow.funds.ledger.model.ExchangeRate(
                        "EUR",
                        "USD",
                        new java.math.BigDecimal("1.0842"),
                        p.pledgedAt().minusSeconds(60)),
                "staff-1",
                p.pledgedAt());
        recording.handle(pledge);
        assertEquals(10_842L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertTrue(journal.entries().getFirst().description().contains("(EUR 100.00 at 1.0842 USD)"));

        // a later rate does not change what this gift is worth: its refunds take out exactly what it put in, even in
        // parts that, each converted and rounded on its own, would take out a cent too many (3 x 36.14 > 108.42)
        rates.record(
                new org.endow.funds.ledger.model.ExchangeRate(
                        "EUR",
                        "USD",
                        new java.math.BigDecimal("1.5"),
                        p.pledgedAt().plusSeconds(1)),
                "staff-1",
                p.pledgedAt());
        for (long part : new long[] {3_333, 3_333, 3_334}) {
            RecordingReturnedGift.record(
                    journal,
                    itemCurrencies,
                    currency,
                    returns,
                    UUID.randomUUID(),
                    org.endow.funds.ledger.model.JournalEntry.EntryKind.DONATION_REFUNDED,
                    p.donationId(),
                    "packaging",
                    Money.of(part, "EUR"),
                    p.pledgedAt().plusSeconds(3600));
        }
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
    }
}
