package org.endow.funds.reservations.application;

import java.time.Instant;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundsReleased;
import org.endow.events.funds.v1.FundsReserved;
import org.endow.events.funds.v1.FundsUnavailable;
import org.endow.funds.reservations.model.Reservation;
import org.endow.kernel.Money;
import org.endow.platform.messaging.Outbox;

/** Where the funds service turns reservation decisions into contract events. */
final class ReservationIntegrationEvents {

    private ReservationIntegrationEvents() {}

    static FundsReserved reserved(Reservation reservation, Money availableAfter) {
        return new FundsReserved(
                reservation.grantId(),
                reservation.fundCode(),
                reservation.amount().minor(),
                reservation.amount().currencyCode(),
                availableAfter.minor(),
                reservation.reservedAt());
    }

    static FundsUnavailable unavailable(
            String grantId, String fundCode, Money requested, Money available, String reason) {
        return new FundsUnavailable(
                grantId, fundCode, requested.minor(), available.minor(), requested.currencyCode(), reason);
    }

    /** What was still reserved when the grant was withdrawn: milestones already paid are not released. */
    static FundsReleased released(Reservation reservation, Instant at) {
        return new FundsReleased(
                reservation.grantId(),
                reservation.fundCode(),
                reservation.remaining().minor(),
                reservation.remaining().currencyCode(),
                at);
    }

    static void publishReserved(Outbox outbox, Reservation reservation, Money availableAfter) {
        outbox.append(FundEvents.FUNDS_RESERVED, reservation.grantId(), reserved(reservation, availableAfter));
    }

    static void publishUnavailable(Outbox outbox, FundsUnavailable unavailable) {
        outbox.append(FundEvents.FUNDS_UNAVAILABLE, unavailable.grantId(), unavailable);
    }

    static void publishReleased(Outbox outbox, Reservation reservation, Instant at) {
        outbox.append(FundEvents.FUNDS_RELEASED, reservation.grantId(), released(reservation, at));
    }
}
