package org.endow.grants.proposals.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundsReserved;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;
import org.endow.platform.messaging.EventHandler;

/** The funds service reserved a passed grant's money: staff may now approve it. */
@Singleton
public class RecordingReservation implements EventHandler<FundsReserved> {

    private final Proposals proposals;
    private final Notifications notify;
    private final Clock clock;

    RecordingReservation(Proposals proposals, Notifications notify, Clock clock) {
        this.proposals = proposals;
        this.notify = notify;
        this.clock = clock;
    }

    @Override
    public EventType<FundsReserved> eventType() {
        return FundEvents.FUNDS_RESERVED;
    }

    @Override
    public String consumerName() {
        return "grants.funds-answers";
    }

    @Override
    public void handle(EventEnvelope<FundsReserved> event) {
        proposals.lock(event.payload().grantId()).ifPresent(proposal -> {
            if (proposal.state() != State.FUNDS_REQUESTED) {
                return;
            }
            proposal.fundsReserved(clock.instant());
            proposals.update(proposal);
            notify.staff(
                    proposal,
                    "funds reserved",
                    "The money is reserved on " + event.payload().fundCode() + ": the grant can be approved.");
        });
    }
}
