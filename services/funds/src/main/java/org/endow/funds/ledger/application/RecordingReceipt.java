package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.endow.platform.messaging.BatchedEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records that a pledge's money arrived: the item's pledged total falls, its raised total rises. */
@Singleton
public class RecordingReceipt implements BatchedEventHandler<DonationReceived> {

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
        if (!journal.append(entryFor(event))) {
            LOG.info("Receipt event {} was already in the journal", event.eventId());
        }
    }

    @Override
    public void handleAll(List<EventEnvelope<DonationReceived>> events) {
        List<JournalEntry> entries = events.stream().map(this::entryFor).toList();
        int appended = journal.appendAll(entries).size();
        if (appended < entries.size()) {
            LOG.info("{} of {} receipt events were already in the journal", entries.size() - appended, entries.size());
        }
    }

    private JournalEntry entryFor(EventEnvelope<DonationReceived> event) {
        DonationReceived receipt = event.payload();
        String ledger = items.of(receipt.fundCode(), "receipt");
        LedgerCurrency.Converted amount = currency.toLedger(
                ledger,
                receipt.donationId(),
                Money.of(receipt.amountMinor(), receipt.currency()),
                receipt.receivedAt());
        return LedgerCurrency.noted(
                JournalEntry.receipt(
                        event.eventId(),
                        receipt.donationId(),
                        receipt.fundCode(),
                        amount.amount(),
                        receipt.receivedAt()),
                amount);
    }
}
