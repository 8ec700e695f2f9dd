package org.endow.grants.proposals.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundsUnavailable;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;
import org.endow.platform.messaging.EventHandler;

/** The funds service could not reserve a passed grant's money: staff see why, and what is available. */
@Singleton
public class RecordingUnavailableFunds implements EventHandler<FundsUnavailable> {

    private final Proposals proposals;
    private final Notifications notify;
    private final Clock clock;

    RecordingUnavailableFunds(Proposals proposals, Notifications notify, Clock clock) {
        this.proposals = proposals;
        this.notify = notify;
        this.clock = clock;
    }

    @Override
    public EventType<FundsUnavailable> eventType() {
        return FundEvents.FUNDS_UNAVAILABLE;
    }

    @Override
    public String consumerName() {
        return "grants.funds-answers";
    }

    @Override
    public void handle(EventEnvelope<FundsUnavailable> event) {
        FundsUnavailable answer = event.payload();
        proposals.lock(answer.grantId()).ifPresent(proposal -> {
            if (proposal.state() != State.FUNDS_REQUESTED) {
                return;
            }
            proposal.fundsUnavailable(answer.reason(), answer.availableMinor(), clock.instant());
            proposals.update(proposal);
            notify.staff(proposal, "funds unavailable", answer.reason());
        });
    }
}
