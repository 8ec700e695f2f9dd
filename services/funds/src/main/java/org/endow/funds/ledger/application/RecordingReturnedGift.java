package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationDisputed;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationRefunded;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Money that went back to a donor leaves the item's ledger: each refund ({@code DonationRefunded},
 * full or partial) and each dispute the foundation lost ({@code DonationDisputed} with {@code
 * LOST}). An opened or won dispute moves no money. Applied once per event (the inbox, and the
 * journal's unique source event id).
 */
public final class RecordingReturnedGift {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingReturnedGift.class);

    private RecordingReturnedGift() {}

    static void record(
            Journal journal,
            ItemCurrencies items,
            LedgerCurrency currency,
            UUID eventId,
            JournalEntry.EntryKind kind,
            String donationId,
            String fundCode,
            Money returned,
            Money returnedInTotal,
            Instant at) {
        LedgerCurrency.Converted amount =
                currency.partToLedger(items.of(fundCode, "money returned"), donationId, returned, returnedInTotal, at);
        JournalEntry entry = LedgerCurrency.noted(
                JournalEntry.giftReturned(eventId, kind, donationId, fundCode, amount.amount(), at), amount);
        if (!journal.append(entry)) {
            LOG.info("Event {} was already in the journal", entry.sourceEventId());
        }
    }

    @Singleton
    public static class Refunds implements org.endow.platform.messaging.EventHandler<DonationRefunded> {
        private final Journal journal;
        private final ItemCurrencies items;
        private final LedgerCurrency currency;

        Refunds(Journal journal, ItemCurrencies items, LedgerCurrency currency) {
            this.currency = currency;
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
                    event.eventId(),
                    JournalEntry.EntryKind.DONATION_REFUNDED,
                    refund.donationId(),
                    refund.fundCode(),
                    Money.of(refund.amountMinor(), refund.currency()),
                    Money.of(Math.max(refund.totalRefundedMinor(), refund.amountMinor()), refund.currency()),
                    refund.refundedAt());
        }
    }

    @Singleton
    public static class Disputes implements org.endow.platform.messaging.EventHandler<DonationDisputed> {
        private final Journal journal;
        private final ItemCurrencies items;
        private final LedgerCurrency currency;

        Disputes(Journal journal, ItemCurrencies items, LedgerCurrency currency) {
            this.currency = currency;
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
                    event.eventId(),
                    JournalEntry.EntryKind.DONATION_CHARGED_BACK,
                    dispute.donationId(),
                    dispute.fundCode(),
                    Money.of(dispute.amountMinor(), dispute.currency()),
                    // the event does not say what refunds came before: converted on its own
                    Money.of(dispute.amountMinor(), dispute.currency()),
                    dispute.occurredAt());
        }
    }
}
