package org.endow.funds.reservations.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.grants.v1.GrantApprovalRequested;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.reservations.model.Reservation;
import org.endow.funds.reservations.model.Reservations;
import org.endow.kernel.Money;
import org.endow.platform.messaging.EventHandler;
import org.endow.platform.messaging.Outbox;

/**
 * The funds side of the grant-approval saga: reserve the grant's amount on its item if the item
 * holds it, and answer {@code FundsReserved} or {@code FundsUnavailable}. The item's row is locked
 * while deciding, so concurrent requests are decided one after the other and never over-commit.
 */
@Singleton
public class ReservingFunds implements EventHandler<GrantApprovalRequested> {

    private final FundedItems items;
    private final Reservations reservations;
    private final Availability availability;
    private final Outbox outbox;
    private final Clock clock;

    ReservingFunds(
            FundedItems items, Reservations reservations, Availability availability, Outbox outbox, Clock clock) {
        this.items = items;
        this.reservations = reservations;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public EventType<GrantApprovalRequested> eventType() {
        return GrantEvents.GRANT_APPROVAL_REQUESTED;
    }

    @Override
    public String consumerName() {
        return "funds.reservations";
    }

    @Override
    public void handle(EventEnvelope<GrantApprovalRequested> event) {
        GrantApprovalRequested request = event.payload();
        Money requested = Money.of(request.amountMinor(), request.currency());
        Optional<FundedItem> item = items.lock(request.fundCode());
        Optional<Reservation> existing = reservations.find(request.grantId());
        if (existing.isPresent() && existing.get().isActive()) {
            // asked again (e.g. the grant service retried): the answer is the reservation it has
            ReservationIntegrationEvents.publishReserved(
                    outbox, existing.get(), availability.available(request.fundCode(), request.currency()));
            return;
        }
        if (item.isEmpty() || item.get().status() == FundedItem.Status.CLOSED) {
            refuse(
                    request,
                    requested,
                    Money.zero(request.currency()),
                    "no open funded item '" + request.fundCode() + "'");
            return;
        }
        if (!item.get().target().currencyCode().equals(request.currency())) {
            refuse(
                    request,
                    requested,
                    Money.zero(request.currency()),
                    "'" + request.fundCode() + "' is kept in "
                            + item.get().target().currencyCode());
            return;
        }
        Money available = availability.available(request.fundCode(), request.currency());
        Optional<Reservation> reservation =
                Reservation.request(request.grantId(), request.fundCode(), requested, available, clock.instant());
        if (reservation.isEmpty()) {
            refuse(
                    request,
                    requested,
                    available,
                    "only " + available + " of " + requested + " is available on " + request.fundCode());
            return;
        }
        reservations.add(reservation.get());
        ReservationIntegrationEvents.publishReserved(outbox, reservation.get(), available.minus(requested));
    }

    private void refuse(GrantApprovalRequested request, Money requested, Money available, String reason) {
        ReservationIntegrationEvents.publishUnavailable(
                outbox,
                ReservationIntegrationEvents.unavailable(
                        request.grantId(), request.fundCode(), requested, available, reason));
    }
}
