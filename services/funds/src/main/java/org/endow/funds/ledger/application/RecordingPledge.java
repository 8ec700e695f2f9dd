package org.endow.funds.ledger.application;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.kernel.Money;
import org.endow.platform.messaging.BatchedEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a pledge in the ledger. Runs inside the inbox transaction: the event is applied once
 * however often it arrives (the inbox, and the journal's unique source event id as a second guard).
 */
@Singleton
public class RecordingPledge implements BatchedEventHandler<DonationPledged> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingPledge.class);

    private final Journal journal;
    private final ItemCurrencies items;

    private final LedgerCurrency currency;

    RecordingPledge(Journal journal, ItemCurrencies items, LedgerCurrency currency) {
        this.currency = currency;
        this.journal = journal;
        this.items = items;
    }

    @Override
    public EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public String consumerName() {
        return "funds.ledger";
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        if (!journal.append(entryFor(event))) {
            LOG.info("Pledge event {} was already in the journal", event.eventId());
        }
    }

    /** A run of pledges in one write (the inbox hands them over in order, inside its transaction). */
    @Override
    public void handleAll(List<EventEnvelope<DonationPledged>> events) {
        List<JournalEntry> entries = events.stream().map(this::entryFor).toList();
        int appended = journal.appendAll(entries).size();
        if (appended < entries.size()) {
            LOG.info("{} of {} pledge events were already in the journal", entries.size() - appended, entries.size());
        }
    }

    private JournalEntry entryFor(EventEnvelope<DonationPledged> event) {
        DonationPledged pledge = event.payload();
        // The donations service only accepts known items; an unknown code here is a broken contract.
        String ledger = items.of(pledge.fundCode(), "pledge");
        LedgerCurrency.Converted amount = currency.toLedger(
                ledger, pledge.donationId(), Money.of(pledge.amountMinor(), pledge.currency()), pledge.pledgedAt());
        return LedgerCurrency.noted(
                JournalEntry.pledge(
                        event.eventId(), pledge.donationId(), pledge.fundCode(), amount.amount(), pledge.pledgedAt()),
                amount);
    }
}
