package org.endow.grants.proposals.application;

import java.time.Instant;
import org.endow.events.grants.v1.GrantApprovalRequested;
import org.endow.events.grants.v1.GrantDisbursed;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.events.grants.v1.GrantWithdrawn;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
import org.endow.platform.messaging.Outbox;

/** Where the grants service turns its decisions into contract events (through the outbox only). */
final class GrantIntegrationEvents {

    private GrantIntegrationEvents() {}

    static GrantApprovalRequested approvalRequested(Proposal proposal, Instant at) {
        return new GrantApprovalRequested(
                proposal.id(),
                proposal.policy().fundCode(),
                proposal.application().amountMinor(),
                proposal.application().currency(),
                at);
    }

    static GrantDisbursed disbursed(Proposal proposal, Milestone milestone) {
        return new GrantDisbursed(
                proposal.id(),
                proposal.policy().fundCode(),
                milestone.number(),
                milestone.amountMinor(),
                proposal.application().currency(),
                milestone.disbursedAt());
    }

    static void publishApprovalRequested(Outbox outbox, Proposal proposal, Instant at) {
        outbox.append(GrantEvents.GRANT_APPROVAL_REQUESTED, proposal.id(), approvalRequested(proposal, at));
    }

    static void publishWithdrawn(Outbox outbox, Proposal proposal, String reason, Instant at) {
        outbox.append(GrantEvents.GRANT_WITHDRAWN, proposal.id(), new GrantWithdrawn(proposal.id(), reason, at));
    }

    static void publishDisbursed(Outbox outbox, Proposal proposal, Milestone milestone) {
        outbox.append(GrantEvents.GRANT_DISBURSED, proposal.id(), disbursed(proposal, milestone));
    }
}
