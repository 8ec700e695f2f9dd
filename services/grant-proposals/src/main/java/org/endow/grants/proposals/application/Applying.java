package org.endow.grants.proposals.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.endow.grants.policy.model.Categories;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Attachment;
import org.endow.grants.proposals.model.AttachmentFiles;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.Violation;
import org.endow.kernel.Money;
import org.endow.kernel.TimeOrderedIds;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/**
 * An applicant drafts, edits and submits a proposal. Submitting checks it against its category's policy
 * field by field (cap, paused category, the organisation's yearly cap, overdue reports on earlier
 * grants) and copies the policy into the proposal.
 */
@Singleton
public class Applying {

    private final Proposals proposals;
    private final Categories categories;
    private final Notifications notify;
    private final AuditTrail audit;
    private final AttachmentFiles files;
    private final GrantsSettings settings;
    private final Clock clock;

    Applying(
            Proposals proposals,
            Categories categories,
            Notifications notify,
            AuditTrail audit,
            AttachmentFiles files,
            GrantsSettings settings,
            Clock clock) {
        this.proposals = proposals;
        this.categories = categories;
        this.notify = notify;
        this.audit = audit;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Proposal draft(Applicant applicant, Application application) {
        category(application.categoryCode());
        Proposal proposal = Proposal.draft(TimeOrderedIds.next().toString(), applicant, application, clock.instant());
        proposals.add(proposal);
        return proposal;
    }

    @Transactional
    public Proposal edit(String applicantId, String id, Application application) {
        Proposal proposal = own(applicantId, id);
        category(application.categoryCode());
        proposal.edit(application, clock.instant());
        proposals.update(proposal);
        return proposal;
    }

    @Transactional
    public Submission submit(String applicantId, String id) {
        Proposal proposal = own(applicantId, id);
        Application application = proposal.application();
        GrantCategory category = category(application.categoryCode());
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>(application.violations(category));
        violations.addAll(proposal.missingAttachments(category));
        violations.addAll(againstHistory(proposal, category, now));
        if (!violations.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "The proposal does not meet the grant policy",
                    violations.stream()
                            .map(v -> v.field() + ": " + v.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    violations.stream()
                            .map(v -> new Problem.FieldError(v.field(), v.message()))
                            .toList());
        }
        boolean again = proposal.submittedAt() != null;
        proposal.submit(category, now);
        proposals.update(proposal);
        audit.record(applicantId, again ? "proposal resubmitted" : "proposal submitted", id, application.title(), now);
        notify.chairs(
                proposal,
                again ? "resubmitted" : "submitted",
                (again
                                ? "The applicant answered and resubmitted "
                                : "A new proposal waits for its completeness check: ")
                        + application.title() + " (" + category.name() + ", "
                        + Money.of(application.amountMinor(), application.currency())
                                .withSymbol()
                        + ").");
        notify.applicant(proposal, "received", "The working group's chair will check your proposal is complete.");
        return new Submission(proposal, application.warnings(category));
    }

    /**
     * The applicant attaches a document: a PDF (by its first bytes) within the size limit, while the
     * proposal is a draft or waits for more information.
     */
    @Transactional
    public Proposal attach(String applicantId, String id, String name, String filename, byte[] content) {
        Proposal proposal = own(applicantId, id);
        Attachment.refusal(name, content, settings.maxAttachmentBytes()).ifPresent(v -> {
            throw ProblemException.invalidField(v.field(), v.message());
        });
        Instant now = clock.instant();
        String shown = filename == null || filename.isBlank() ? name + ".pdf" : filename.strip();
        proposal.attach(
                new Attachment(name, shown.length() > 200 ? shown.substring(0, 200) : shown, content.length, now),
                applicantId);
        files.store(id, name, content);
        proposals.update(proposal);
        return proposal;
    }

    /** A document of a proposal, for its applicant, the working group and staff. */
    @Transactional(readOnly = true)
    public byte[] attachment(Proposal visible, String name) {
        return files.load(visible.id(), name)
                .orElseThrow(() -> ProblemException.notFound("The proposal has no attachment '" + name + "'"));
    }

    /** What other proposals say against this one: the organisation's yearly cap, reports overdue. */
    private List<Violation> againstHistory(Proposal proposal, GrantCategory category, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Application application = proposal.application();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int year = application.startDate() == null
                ? today.getYear()
                : application.startDate().getYear();
        // the cap is in the category's currency: only proposals in that currency count against it
        long committed = proposals.committedForOrganisation(
                application.organisation(), year, category.currency(), proposal.id());
        if (committed + application.amountMinor() > category.organisationYearlyCapMinor()) {
            violations.add(new Violation(
                    "amountMinor",
                    "over the yearly cap of " + Money.of(category.organisationYearlyCapMinor(), category.currency())
                            + " per organisation: " + application.organisation() + " already has "
                            + Money.of(committed, category.currency()) + " for " + year));
        }
        for (Proposal earlier : proposals.byApplicant(proposal.applicant().accountId())) {
            if (!earlier.id().equals(proposal.id()) && earlier.hasOverdueReport(today)) {
                violations.add(new Violation(
                        "reports",
                        "the report on your earlier grant \""
                                + earlier.application().title() + "\" is overdue: submit it before applying again"));
            }
        }
        return violations;
    }

    private Proposal own(String applicantId, String id) {
        Proposal proposal = proposals.lock(id).orElseThrow(() -> ProblemException.notFound("No proposal " + id));
        if (!proposal.applicant().accountId().equals(applicantId)) {
            // not yours: as if it did not exist (no hint that the id is real)
            throw ProblemException.notFound("No proposal " + id);
        }
        return proposal;
    }

    private GrantCategory category(String code) {
        if (code == null) {
            throw ProblemException.invalidField("categoryCode", "choose a category");
        }
        return categories
                .find(code)
                .orElseThrow(() -> ProblemException.invalidField("categoryCode", "no grant category '" + code + "'"));
    }

    /** @param warnings advice that did not stop the proposal (e.g. over the per-attendee guideline) */
    public record Submission(Proposal proposal, List<Violation> warnings) {}
}
