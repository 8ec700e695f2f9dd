package org.endow.funds.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationDisputed;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.events.donations.v1.DonationRefunded;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.ExchangeRate;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A foreign-currency gift given back in parts, by refunds and by a lost dispute in any order: everything taken out
 * adds up to exactly what the gift put in.
 */
class RecordingReturnedGiftTest {

    static final Instant T = Instant.parse("2027-01-10T10:00:00Z");
    static final String GIFT = "6f1c2a4e-8b3d-4f7a-9e2c-1d5b7a9c3e21";

    final InMemoryJournal journal = new InMemoryJournal();
    final InMemoryFundedItems items = new InMemoryFundedItems();
    final InMemoryExchangeRates rates = new InMemoryExchangeRates();
    final LedgerCurrency currency = new LedgerCurrency(rates);
    final ItemCurrencies itemCurrencies = new ItemCurrencies(items);
    final InMemoryGiftReturns returns = new InMemoryGiftReturns();
    final RecordingReturnedGift.Refunds refunds =
            new RecordingReturnedGift.Refunds(journal, itemCurrencies, currency, returns);
    final RecordingReturnedGift.Disputes disputes =
            new RecordingReturnedGift.Disputes(journal, itemCurrencies, currency, returns);

    @BeforeEach
    void aReceivedGiftOfEur100_05() {
        items.add(new FundedItem(
                "packaging",
                "Packaging",
                "",
                FundedItem.Kind.PROJECT,
                Money.of(40_000_000, "USD"),
                FundedItem.Status.OPEN));
        rates.record(new ExchangeRate("EUR", "USD", new BigDecimal("1.0842"), T.minusSeconds(3600)), "staff-1", T);
        new RecordingPledge(journal, itemCurrencies, currency)
                .handle(envelope(
                        DonationEvents.DONATION_PLEDGED,
                        new DonationPledged(GIFT, null, 10_005, "EUR", "packaging", "CARD", T)));
        new RecordingReceipt(journal, itemCurrencies, currency)
                .handle(envelope(
                        DonationEvents.DONATION_RECEIVED,
                        new DonationReceived(GIFT, null, 10_005, "EUR", "packaging", "CARD", T, null, null)));
        // EUR 100.05 x 1.0842 = USD 108.474210, rounded: 108.47 put in
        assertEquals(10_847L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertEquals(10_847L, journal.balances("packaging", "USD").get(Account.CASH));
    }

    @Test
    void a_lost_dispute_after_a_partial_refund_takes_out_the_rest_of_what_the_gift_put_in() {
        // EUR 33.33 refunded: 33.33 x 1.0842 = 36.137586 -> USD 36.14 out.
        // The bank takes back the other EUR 66.72. On its own: 66.72 x 1.0842 = 72.337824 -> 72.34, and
        // 36.14 + 72.34 = 108.48 out for 108.47 in: a cent too many. As part of the running total:
        // conv(33.33 + 66.72 = 100.05) = 108.47, less the 36.14 already out = 72.33, and 108.47 out in all.
        refunds.handle(refund(3_333, 3_333));
        disputes.handle(lost(6_672));

        assertEquals(List.of(3_614L, 7_233L), returned());
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.CASH));
        // something was posted, all of it in the ledger currency (JournalEntry itself refuses an unbalanced entry)
        assertEquals(Map.of("USD", 0L), journal.trialBalance());
        assertTrue(
                journal.entries().getLast().description().endsWith("(EUR 66.72 at 1.0842 USD)"),
                journal.entries().getLast().description());
    }

    @Test
    void a_refund_after_a_lost_dispute_takes_out_the_rest_of_what_the_gift_put_in() {
        // The bank takes back EUR 66.72 first: 72.337824 -> USD 72.34 out. Staff then refund the other EUR 33.33;
        // the refund's own running total (33.33 refunded, the dispute is not a refund) converts it alone:
        // 36.137586 -> 36.14, and 108.48 out for 108.47 in. With the dispute in the running total:
        // conv(100.05) = 108.47, less the 72.34 already out = 36.13.
        disputes.handle(lost(6_672));
        refunds.handle(refund(3_333, 3_333));

        assertEquals(List.of(7_234L, 3_613L), returned());
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.CASH));
    }

    @Test
    void refunds_in_parts_then_a_lost_dispute_take_out_exactly_what_the_gift_put_in() {
        // 33.33 (-> 36.14), then to 66.66 in all (72.271572 -> 72.27, so 36.13), then the bank takes the last
        // EUR 33.39: conv(100.05) = 108.47 less 72.27 = 36.20 (on its own 36.201438 -> 36.20 as well)
        refunds.handle(refund(3_333, 3_333));
        refunds.handle(refund(3_333, 6_666));
        disputes.handle(lost(3_339));

        assertEquals(List.of(3_614L, 3_613L, 3_620L), returned());
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
    }

    @Test
    void the_same_lost_dispute_twice_is_taken_out_once() {
        refunds.handle(refund(3_333, 3_333));
        EventEnvelope<DonationDisputed> lost = lost(6_672);
        disputes.handle(lost);
        disputes.handle(lost);

        assertEquals(List.of(3_614L, 7_233L), returned());
        assertEquals(0L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
    }

    @Test
    void a_part_worth_less_than_what_rounding_left_of_the_gift_takes_nothing_out_and_is_not_refused() {
        String yen = "0b7d3c1e-2f4a-4c6b-8d9e-1a2b3c4d5e6f";
        rates.record(new ExchangeRate("JPY", "USD", new BigDecimal("0.0067"), T.minusSeconds(3600)), "staff-1", T);
        new RecordingPledge(journal, itemCurrencies, currency)
                .handle(envelope(
                        DonationEvents.DONATION_PLEDGED,
                        new DonationPledged(yen, null, 10_001, "JPY", "packaging", "CARD", T)));
        // JPY 10,001 x 0.0067 = USD 67.0067 -> 67.01 in (with the EUR gift: 108.47 + 67.01)
        assertEquals(17_548L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));

        // JPY 1 back: 0.0067 -> 0.01 out. JPY 1 more: conv(2) = 0.0134 -> 0.01, less the 0.01 out = nothing
        // (a posting of zero would be refused, and the event dead-lettered). The other JPY 9,999: 67.01 - 0.01 = 67.00.
        for (long part : new long[] {1, 1, 9_999}) {
            refunds.handle(envelope(
                    DonationEvents.DONATION_REFUNDED,
                    new DonationRefunded(yen, null, part, "JPY", "packaging", 0, false, T.plusSeconds(60), null)));
        }

        assertEquals(List.of(1L, 6_700L), returned());
        assertEquals(10_847L, journal.balances("packaging", "USD").get(Account.FUND_BALANCE));
        assertEquals(new GiftReturnsView(10_001, 6_701), view(returns.of(yen, "JPY", "USD")));
    }

    record GiftReturnsView(long given, long taken) {}

    private static GiftReturnsView view(org.endow.funds.ledger.model.GiftReturns.Returned returned) {
        return new GiftReturnsView(returned.given().minor(), returned.taken().minor());
    }

    /** What each refund and chargeback took out of the item, in cents, in order. */
    private List<Long> returned() {
        return journal.entries().stream()
                .filter(e -> e.kind() == JournalEntry.EntryKind.DONATION_REFUNDED
                        || e.kind() == JournalEntry.EntryKind.DONATION_CHARGED_BACK)
                .map(e -> e.postings().getFirst().amount().minor())
                .toList();
    }

    private static EventEnvelope<DonationRefunded> refund(long part, long totalRefunded) {
        return envelope(
                DonationEvents.DONATION_REFUNDED,
                new DonationRefunded(
                        GIFT,
                        null,
                        part,
                        "EUR",
                        "packaging",
                        totalRefunded,
                        totalRefunded == 10_005,
                        T.plusSeconds(3600),
                        "re_1"));
    }

    private static EventEnvelope<DonationDisputed> lost(long takenBack) {
        return envelope(
                DonationEvents.DONATION_DISPUTED,
                new DonationDisputed(GIFT, "LOST", takenBack, "EUR", "packaging", "dp_1", T.plusSeconds(7200)));
    }

    private static <P> EventEnvelope<P> envelope(EventType<P> type, P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), type.qualifiedName(), type.version(), T, GIFT, null, payload);
    }
}
