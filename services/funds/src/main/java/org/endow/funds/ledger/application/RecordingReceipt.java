package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.endow.platform.messaging.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records that a pledge's money arrived: the item's pledged total falls, its raised total rises. */
@Singleton
public class RecordingReceipt implements EventHandler<DonationReceived> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingReceipt.class);

    private final Journal journal;
    private final ItemCurrencies items;

    private final LedgerCurrency currency;

    RecordingReceipt(Journal journal, ItemCurrencies items, LedgerCurrency currency) {
        this.currency = currency;
        this.journal = journal;
        this.items = items;
    }

    @Override
    public EventType<DonationReceived> eventType() {
        return DonationEvents.DONATION_RECEIVED;
    }

    @Override
    public String consumerName() {
        return "funds.ledger";
    }

    @Override
    public void handle(EventEnvelope<DonationReceived> event) {
        DonationReceived receipt = event.payload();
        String ledger = items.of(receipt.fundCode(), "receipt");
        LedgerCurrency.Converted amount = currency.toLedger(
                ledger,
                receipt.donationId(),
                Money.of(receipt.amountMinor(), receipt.currency()),
                receipt.receivedAt());
        JournalEntry entry = LedgerCurrency.noted(
                JournalEntry.receipt(
                        event.eventId(),
                        receipt.donationId(),
                        receipt.fundCode(),
                        amount.amount(),
                        receipt.receivedAt()),
                amount);
        if (!journal.append(entry)) {
            LOG.info("Receipt event {} was already in the journal", event.eventId());
        }
    }
}
