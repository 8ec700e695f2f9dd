package org.endow.funds.reservations.application;

import jakarta.inject.Singleton;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.grants.v1.GrantDisbursed;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.reservations.model.Reservation;
import org.endow.funds.reservations.model.Reservations;
import org.endow.kernel.Money;
import org.endow.platform.messaging.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A grant's milestone was paid: the ledger records the cash leaving the item as a grant expense, and
 * that much of the grant's reservation becomes disbursed (so it is not counted as reserved twice).
 */
@Singleton
public class RecordingGrantPayment implements EventHandler<GrantDisbursed> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingGrantPayment.class);

    private final FundedItems items;
    private final Reservations reservations;
    private final Journal journal;

    RecordingGrantPayment(FundedItems items, Reservations reservations, Journal journal) {
        this.items = items;
        this.reservations = reservations;
        this.journal = journal;
    }

    @Override
    public EventType<GrantDisbursed> eventType() {
        return GrantEvents.GRANT_DISBURSED;
    }

    @Override
    public String consumerName() {
        return "funds.grant-payments";
    }

    @Override
    public void handle(EventEnvelope<GrantDisbursed> event) {
        GrantDisbursed paid = event.payload();
        Money amount = Money.of(paid.amountMinor(), paid.currency());
        items.lock(paid.fundCode());
        var reservation = reservations.find(paid.grantId());
        if (reservation.isPresent() && reservation.get().fundCode().equals(paid.fundCode())) {
            Reservation r = reservation.get();
            if (r.disburse(amount)) {
                reservations.update(r);
            } else {
                LOG.warn(
                        "Grant {} paid {} beyond what it has reserved ({} left, {}): recorded in the ledger only",
                        paid.grantId(),
                        amount,
                        r.remaining(),
                        r.status());
            }
        } else {
            LOG.warn("Grant {} paid {} without a reservation on {}", paid.grantId(), amount, paid.fundCode());
        }
        journal.append(JournalEntry.grantDisbursed(
                event.eventId(), paid.grantId(), paid.milestone(), paid.fundCode(), amount, paid.disbursedAt()));
    }
}
