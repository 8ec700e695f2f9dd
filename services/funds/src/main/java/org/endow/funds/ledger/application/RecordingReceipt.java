package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
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
    private final FundedItems items;

    RecordingReceipt(Journal journal, FundedItems items) {
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
        FundedItem item = items.find(receipt.fundCode())
                .orElseThrow(() -> new IllegalStateException("receipt for unknown fund " + receipt.fundCode()));
        JournalEntry entry = JournalEntry.receipt(
                event.eventId(),
                receipt.donationId(),
                item.code(),
                Money.of(receipt.amountMinor(), receipt.currency()),
                receipt.receivedAt());
        if (!journal.append(entry)) {
            LOG.info("Receipt event {} was already in the journal", event.eventId());
        }
    }
}
