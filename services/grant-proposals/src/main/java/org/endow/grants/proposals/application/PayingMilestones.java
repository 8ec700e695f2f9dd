package org.endow.grants.proposals.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.kernel.HumanTime;
import org.endow.platform.messaging.Outbox;
import org.endow.platform.problem.ProblemException;

/**
 * After the award: staff pay milestone by milestone, each only once the report on the previous one is
 * submitted and accepted; each payment reaches the funds ledger as {@code GrantDisbursed}.
 */
@Singleton
public class PayingMilestones {

    private final Proposals proposals;
    private final Outbox outbox;
    private final Notifications notify;
    private final AuditTrail audit;
    private final Clock clock;

    PayingMilestones(Proposals proposals, Outbox outbox, Notifications notify, AuditTrail audit, Clock clock) {
        this.proposals = proposals;
        this.outbox = outbox;
        this.notify = notify;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Proposal disburse(String staff, String id, int milestone) {
        Proposal proposal = load(id);
        Instant now = clock.instant();
        Milestone paid = proposal.disburse(milestone, staff, now);
        proposals.update(proposal);
        GrantIntegrationEvents.publishDisbursed(outbox, proposal, paid);
        audit.record(staff, "milestone paid", id, "milestone " + milestone + ": " + paid.amountMinor(), now);
        notify.applicant(
                proposal,
                "milestone " + milestone + " paid",
                "The foundation paid milestone " + milestone + " (" + paid.title() + "). Your progress report on it is"
                        + " due by " + HumanTime.day(paid.reportDue()) + ".");
        return proposal;
    }

    @Transactional
    public Proposal submitReport(String applicantId, String id, int milestone, String text) {
        Proposal proposal = load(id);
        if (!proposal.applicant().accountId().equals(applicantId)) {
            throw ProblemException.notFound("No proposal " + id);
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "write the report");
        }
        Instant now = clock.instant();
        proposal.submitReport(milestone, applicantId, text, now);
        proposals.update(proposal);
        audit.record(applicantId, "report submitted", id, "milestone " + milestone, now);
        notify.staff(proposal, "report on milestone " + milestone, text);
        return proposal;
    }

    @Transactional
    public Proposal acceptReport(String staff, String id, int milestone) {
        Proposal proposal = load(id);
        Instant now = clock.instant();
        boolean completed = proposal.acceptReport(milestone, staff, now);
        proposals.update(proposal);
        audit.record(staff, "report accepted", id, "milestone " + milestone, now);
        notify.applicant(
                proposal,
                completed ? "completed" : "report accepted",
                completed
                        ? "Your final report is accepted: the grant is complete. Thank you!"
                        : "Your report on milestone " + milestone + " is accepted; the next milestone can be paid.");
        return proposal;
    }

    private Proposal load(String id) {
        return proposals.lock(id).orElseThrow(() -> ProblemException.notFound("No proposal " + id));
    }
}
