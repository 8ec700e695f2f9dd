package org.endow.grants.proposals.application;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Proposal;
import org.endow.platform.messaging.Outbox;

/**
 * What follows a decision of the group (a vote closed, a fast track passed, the Board decided): money is
 * asked of the funds service, or the Board or the applicant is told. Runs in the deciding transaction.
 */
@Singleton
class FollowingUp {

    private final Outbox outbox;
    private final Notifications notify;
    private final AuditTrail audit;

    FollowingUp(Outbox outbox, Notifications notify, AuditTrail audit) {
        this.outbox = outbox;
        this.notify = notify;
        this.audit = audit;
    }

    void decided(Proposal proposal, String actor, Instant now) {
        audit.record(actor, "decision: " + proposal.state(), proposal.id(), String.valueOf(proposal.decision()), now);
        switch (proposal.state()) {
            case FUNDS_REQUESTED -> {
                GrantIntegrationEvents.publishApprovalRequested(outbox, proposal, now);
                notify.applicant(
                        proposal,
                        "passed",
                        "The Grants Working Group passed your proposal (" + proposal.decision()
                                + "). The foundation is now reserving the money; staff will then approve it.");
                notify.staff(proposal, "passed, funds requested", String.valueOf(proposal.decision()));
            }
            case ESCALATED -> {
                notify.board(
                        proposal,
                        "deadlocked vote for the Board",
                        "The working group's vote is tied (" + proposal.decision() + "). The Board decides.");
                notify.chairs(proposal, "escalated to the Board", String.valueOf(proposal.decision()));
            }
            case REJECTED ->
                notify.applicant(
                        proposal,
                        "not funded",
                        "We are sorry: your proposal was not funded (" + proposal.decision() + ").");
            case CLOSED -> notify.applicant(proposal, "closed", String.valueOf(proposal.decision()));
            default -> {}
        }
    }
}
