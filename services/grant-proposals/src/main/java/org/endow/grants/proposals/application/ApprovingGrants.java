package org.endow.grants.proposals.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.platform.mail.Mail;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * Staff approve a passed proposal once the funds service has reserved its money (else they see why not,
 * with what is available), decline it, or ask the funds again; the applicant accepts the award letter.
 */
@Singleton
public class ApprovingGrants {

    private final Proposals proposals;
    private final AwardLetters letters;
    private final Outbox outbox;
    private final Notifications notify;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovingGrants(
            Proposals proposals,
            AwardLetters letters,
            Outbox outbox,
            Notifications notify,
            AuditTrail audit,
            Clock clock) {
        this.proposals = proposals;
        this.letters = letters;
        this.outbox = outbox;
        this.notify = notify;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Proposal approve(String staff, String id) {
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.approve(staff, now);
        proposals.update(proposal);
        audit.record(staff, "grant approved", id, proposal.application().title(), now);
        notify.applicant(
                proposal,
                "awarded",
                "Congratulations: the foundation awards your grant. The award letter is attached; accept it in the"
                        + " portal to start the payments.",
                Mail.Attachment.pdf("award-letter.pdf", letters.render(proposal)));
        return proposal;
    }

    @Transactional
    public Proposal decline(String staff, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the grant is declined");
        }
        Proposal proposal = load(id);
        Instant now = clock.instant();
        if (proposal.decline(staff, reason, now)) {
            GrantIntegrationEvents.publishWithdrawn(outbox, proposal, reason, now);
        }
        proposals.update(proposal);
        audit.record(staff, "grant declined", id, reason, now);
        notify.applicant(proposal, "declined", "We are sorry: the grant cannot go ahead. " + reason);
        return proposal;
    }

    /** An awarded grant will not be carried out: the funds release what is still reserved for it. */
    @Transactional
    public Proposal withdraw(String staff, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the grant is withdrawn");
        }
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.withdraw(staff, reason, now);
        GrantIntegrationEvents.publishWithdrawn(outbox, proposal, reason, now);
        proposals.update(proposal);
        audit.record(staff, "grant withdrawn", id, reason, now);
        notify.applicant(
                proposal,
                "withdrawn",
                "The foundation has withdrawn this grant: " + reason
                        + "\n\nPayments already made stay with you; no further milestone will be paid.");
        return proposal;
    }

    @Transactional
    public Proposal requestFundsAgain(String staff, String id) {
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.requestFundsAgain(staff, now);
        GrantIntegrationEvents.publishApprovalRequested(outbox, proposal, now);
        proposals.update(proposal);
        audit.record(staff, "funds requested again", id, "", now);
        return proposal;
    }

    @Transactional
    public Proposal acceptAward(String applicantId, String id) {
        Proposal proposal = load(id);
        if (!proposal.applicant().accountId().equals(applicantId)) {
            throw ProblemException.notFound("No proposal " + id);
        }
        Instant now = clock.instant();
        proposal.acceptAward(applicantId, now);
        proposals.update(proposal);
        audit.record(applicantId, "award letter accepted", id, "", now);
        notify.staff(proposal, "award accepted", "The applicant accepted the award letter: milestone 1 can be paid.");
        return proposal;
    }

    @Transactional(readOnly = true)
    public byte[] letter(Proposal proposal) {
        if (proposal.awardedAt() == null) {
            throw ProblemException.conflict("The proposal has no award letter: it is not awarded");
        }
        return letters.render(proposal);
    }

    private Proposal load(String id) {
        return proposals.lock(id).orElseThrow(() -> ProblemException.notFound("No proposal " + id));
    }
}
