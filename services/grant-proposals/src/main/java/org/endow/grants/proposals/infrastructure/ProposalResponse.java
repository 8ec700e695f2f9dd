package org.endow.grants.proposals.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
import org.endow.kernel.voting.Tally;

/**
 * A proposal as its readers see it. The discussion, the ballots and the tally are only for the working
 * group, staff and the Board ({@code reviewer}); the applicant sees the decision.
 */
@Serdeable
record ProposalResponse(
        String id,
        String state,
        String applicantName,
        String organisation,
        String categoryCode,
        @Nullable String categoryName,
        String title,
        String description,
        @Nullable String eventSeries,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        int attendees,
        long amountMinor,
        String currency,
        List<BudgetLineBody> budgetLines,
        List<MilestonePlanBody> plannedMilestones,
        @Nullable String codeOfConductUrl,
        @Nullable Instant submittedAt,
        @Nullable Instant deadline,
        @Nullable String decision,
        @Nullable String fundsNote,
        @Nullable Long availableMinor,
        @Nullable String votingRule,
        List<MilestoneBody> milestones,
        @Nullable Instant awardedAt,
        @Nullable Instant acceptedAt,
        @Nullable TallyBody tally,
        List<CommentBody> comments,
        List<StepBody> history,
        boolean mine,
        List<AttachmentBody> attachments) {

    static ProposalResponse of(Proposal p, boolean reviewer) {
        return of(p, reviewer, null);
    }

    /** @param callerId who asks: {@code mine} says whether they are the applicant */
    static ProposalResponse of(Proposal p, boolean reviewer, String callerId) {
        Application a = p.application();
        return new ProposalResponse(
                p.id(),
                p.state().name(),
                p.applicant().name(),
                a.organisation(),
                a.categoryCode(),
                p.policy() == null ? null : p.policy().name(),
                a.title(),
                a.description(),
                a.eventSeries(),
                a.startDate(),
                a.endDate(),
                a.attendees(),
                a.amountMinor(),
                a.currency(),
                a.budgetLines().stream()
                        .map(l -> new BudgetLineBody(l.item(), l.amountMinor()))
                        .toList(),
                a.milestones().stream()
                        .map(m -> new MilestonePlanBody(m.title(), m.amountMinor(), m.due()))
                        .toList(),
                a.codeOfConductUrl(),
                p.submittedAt(),
                p.deadline(),
                p.decision(),
                p.fundsNote(),
                p.availableMinor(),
                p.policy() == null ? null : describe(p),
                p.milestones().stream().map(MilestoneBody::of).toList(),
                p.awardedAt(),
                p.acceptedAt(),
                reviewer && !p.electorate().isEmpty() ? TallyBody.of(p.tally()) : null,
                reviewer
                        ? p.comments().stream()
                                .map(c -> new CommentBody(c.authorName(), c.text(), c.at()))
                                .toList()
                        : List.of(),
                p.history().stream()
                        .filter(s -> reviewer
                                || !s.action().startsWith("voted")
                                        && !s.action().startsWith("declared"))
                        .map(s -> new StepBody(s.at(), s.action(), s.note()))
                        .toList(),
                p.applicant().accountId().equals(callerId),
                p.attachments().stream()
                        .map(x -> new AttachmentBody(x.name(), x.filename(), x.sizeBytes(), x.uploadedAt()))
                        .toList());
    }

    private static String describe(Proposal p) {
        var rule = p.policy().votingRule();
        String threshold =
                rule.denominator() == 100 ? rule.numerator() + " %" : rule.numerator() + "/" + rule.denominator();
        return (rule.strictlyMore() ? "more than " : "at least ") + threshold + " of "
                + (rule.basis() == org.endow.kernel.voting.Basis.VOTES_CAST ? "the votes cast" : "the voting members")
                + (rule.quorumPercent() > 0 ? ", quorum " + rule.quorumPercent() + " %" : "")
                + "; vote open " + p.policy().voteDays() + " days";
    }

    @Serdeable
    record BudgetLineBody(String item, long amountMinor) {}

    @Serdeable
    record MilestonePlanBody(
            String title, long amountMinor, @Nullable LocalDate due) {}

    @Serdeable
    record MilestoneBody(
            int number,
            String title,
            long amountMinor,
            @Nullable LocalDate due,
            String payment,
            @Nullable Instant disbursedAt,
            @Nullable LocalDate reportDue,
            String report,
            @Nullable String reportText) {
        static MilestoneBody of(Milestone m) {
            return new MilestoneBody(
                    m.number(),
                    m.title(),
                    m.amountMinor(),
                    m.due(),
                    m.payment().name(),
                    m.disbursedAt(),
                    m.reportDue(),
                    m.report().name(),
                    m.reportText());
        }
    }

    @Serdeable
    record TallyBody(
            int eligible,
            int yes,
            int no,
            int abstain,
            int conflict,
            int notVoted,
            String outcome,
            String explanation) {
        static TallyBody of(Tally t) {
            return new TallyBody(
                    t.eligible(),
                    t.yes(),
                    t.no(),
                    t.abstain(),
                    t.conflict(),
                    t.notVoted(),
                    t.outcome().name(),
                    t.explanation());
        }
    }

    @Serdeable
    record AttachmentBody(String name, String filename, long sizeBytes, Instant uploadedAt) {}

    @Serdeable
    record CommentBody(String author, String text, Instant at) {}

    @Serdeable
    record StepBody(Instant at, String action, @Nullable String note) {}
}
