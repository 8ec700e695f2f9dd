package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationDisputed;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationRefunded;
import org.endow.funds.ledger.model.GiftReturns;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Money that went back to a donor leaves the item's ledger: each refund ({@code DonationRefunded},
 * full or partial) and each dispute the foundation lost ({@code DonationDisputed} with {@code
 * LOST}). An opened or won dispute moves no money. Applied once per event (the inbox, and the
 * journal's unique source event id). A gift in another currency than its item's is converted
 * part by part against what has gone back of it before, refunds and lost disputes together
 * ({@link GiftReturns}), so that they take out exactly what the gift put in.
 */
public final class RecordingReturnedGift {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingReturnedGift.class);

    private RecordingReturnedGift() {}

    static void record(
            Journal journal,
            ItemCurrencies items,
            LedgerCurrency currency,
            GiftReturns returns,
            UUID eventId,
            JournalEntry.EntryKind kind,
            String donationId,
            String fundCode,
            Money returned,
            Instant at) {
        String ledger = items.of(fundCode, "money returned");
        if (returned.currencyCode().equals(ledger)) {
            append(journal, JournalEntry.giftReturned(eventId, kind, donationId, fundCode, returned, at));
            return;
        }
        GiftReturns.Returned before = returns.of(donationId, returned.currencyCode(), ledger);
        LedgerCurrency.Converted amount = currency.partToLedger(ledger, donationId, returned, before, at);
        if (amount.amount().isZero()) {
            // worth less than what rounding left of the gift: it goes back, and nothing is left to take out
            LOG.info("{} {} of {} takes nothing out of the ledger{}", kind, returned, donationId, amount.note());
            returns.add(donationId, returned, amount.amount());
            return;
        }
        if (append(
                journal,
                LedgerCurrency.noted(
                        JournalEntry.giftReturned(eventId, kind, donationId, fundCode, amount.amount(), at), amount))) {
            returns.add(donationId, returned, amount.amount());
        }
    }

    private static boolean append(Journal journal, JournalEntry entry) {
        if (!journal.append(entry)) {
            LOG.info("Event {} was already in the journal", entry.sourceEventId());
            return false;
        }
        return true;
    }

    @Singleton
    public static class Refunds implements org.endow.platform.messaging.EventHandler<DonationRefunded> {
        private final Journal journal;
        private final ItemCurrencies items;
        private final LedgerCurrency currency;
        private final GiftReturns returns;

        Refunds(Journal journal, ItemCurrencies items, LedgerCurrency currency, GiftReturns returns) {
            this.currency = currency;
            this.returns = returns;
            this.journal = journal;
            this.items = items;
        }

        @Override
        public EventType<DonationRefunded> eventType() {
            return DonationEvents.DONATION_REFUNDED;
        }

        @Override
        public String consumerName() {
            return "funds.ledger";
        }

        @Override
        public void handle(EventEnvelope<DonationRefunded> event) {
            DonationRefunded refund = event.payload();
            record(
                    journal,
                    items,
                    currency,
                    returns,
                    event.eventId(),
                    JournalEntry.EntryKind.DONATION_REFUNDED,
                    refund.donationId(),
                    refund.fundCode(),
                    Money.of(refund.amountMinor(), refund.currency()),
                    refund.refundedAt());
        }
    }

    @Singleton
    public static class Disputes implements org.endow.platform.messaging.EventHandler<DonationDisputed> {
        private final Journal journal;
        private final ItemCurrencies items;
        private final LedgerCurrency currency;
        private final GiftReturns returns;

        Disputes(Journal journal, ItemCurrencies items, LedgerCurrency currency, GiftReturns returns) {
            this.currency = currency;
            this.returns = returns;
            this.journal = journal;
            this.items = items;
        }

        @Override
        public EventType<DonationDisputed> eventType() {
            return DonationEvents.DONATION_DISPUTED;
        }

        @Override
        public String consumerName() {
            return "funds.ledger";
        }

        @Override
        public void handle(EventEnvelope<DonationDisputed> event) {
            DonationDisputed dispute = event.payload();
            if (!"LOST".equals(dispute.status())) {
                return;
            }
            record(
                    journal,
                    items,
                    currency,
                    returns,
                    event.eventId(),
                    JournalEntry.EntryKind.DONATION_CHARGED_BACK,
                    dispute.donationId(),
                    dispute.fundCode(),
                    Money.of(dispute.amountMinor(), dispute.currency()),
                    dispute.occurredAt());
        }
    }
}
