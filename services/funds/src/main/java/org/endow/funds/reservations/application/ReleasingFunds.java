package org.endow.funds.reservations.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.events.grants.v1.GrantWithdrawn;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.reservations.model.Reservation;
import org.endow.funds.reservations.model.Reservations;
import org.endow.platform.messaging.EventHandler;
import org.endow.platform.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A withdrawn grant gives its reserved money back to the item. */
@Singleton
public class ReleasingFunds implements EventHandler<GrantWithdrawn> {

    private static final Logger LOG = LoggerFactory.getLogger(ReleasingFunds.class);

    private final FundedItems items;
    private final Reservations reservations;
    private final Outbox outbox;
    private final Clock clock;

    ReleasingFunds(FundedItems items, Reservations reservations, Outbox outbox, Clock clock) {
        this.items = items;
        this.reservations = reservations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public EventType<GrantWithdrawn> eventType() {
        return GrantEvents.GRANT_WITHDRAWN;
    }

    @Override
    public String consumerName() {
        return "funds.reservations";
    }

    @Override
    public void handle(EventEnvelope<GrantWithdrawn> event) {
        String grantId = event.payload().grantId();
        var found = reservations.find(grantId);
        if (found.isEmpty()) {
            LOG.info("Grant {} withdrawn with nothing reserved", grantId);
            return;
        }
        Reservation reservation = found.get();
        items.lock(reservation.fundCode());
        Instant now = clock.instant();
        if (reservation.release(now)) {
            reservations.update(reservation);
            ReservationIntegrationEvents.publishReleased(outbox, reservation, now);
        }
    }
}
