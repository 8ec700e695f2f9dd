package org.endow.grants.proposals.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.endow.kernel.voting.Ballot;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.Tally;

/**
 * A grant proposal from draft to the last milestone report. It carries a copy of its category's policy
 * taken when it was (last) submitted: the vote is counted, the windows are set and the caps checked
 * against that copy, so a later change of the policy never alters a decision taken under the old one.
 */
public final class Proposal {

    /** How long after a milestone's date its progress report is due. */
    public static final int REPORT_DAYS = 30;

    private final String id;
    private final Applicant applicant;
    private final Instant createdAt;
    private Application application;
    private State state;
    private GrantCategory policy;
    private Instant submittedAt;
    private Instant stateSince;
    private Instant deadline;
    private List<String> electorate;
    private final List<Vote> votes;
    private final List<Comment> comments;
    private final List<Step> history;
    private String decision;
    private String fundsNote;
    private Long availableMinor;
    private List<Milestone> milestones;
    private Instant awardedAt;
    private Instant acceptedAt;
    private List<Attachment> attachments;

    private Proposal(Data d) {
        this.id = Objects.requireNonNull(d.id());
        this.applicant = Objects.requireNonNull(d.applicant());
        this.createdAt = Objects.requireNonNull(d.createdAt());
        this.application = Objects.requireNonNull(d.application());
        this.state = Objects.requireNonNull(d.state());
        this.policy = d.policy();
        this.submittedAt = d.submittedAt();
        this.stateSince = d.stateSince();
        this.deadline = d.deadline();
        this.electorate = List.copyOf(d.electorate() == null ? List.of() : d.electorate());
        this.votes = new ArrayList<>(d.votes() == null ? List.of() : d.votes());
        this.comments = new ArrayList<>(d.comments() == null ? List.of() : d.comments());
        this.history = new ArrayList<>(d.history() == null ? List.of() : d.history());
        this.decision = d.decision();
        this.fundsNote = d.fundsNote();
        this.availableMinor = d.availableMinor();
        this.milestones = List.copyOf(d.milestones() == null ? List.of() : d.milestones());
        this.awardedAt = d.awardedAt();
        this.acceptedAt = d.acceptedAt();
        this.attachments = List.copyOf(d.attachments() == null ? List.of() : d.attachments());
    }

    public static Proposal draft(String id, Applicant applicant, Application application, Instant now) {
        Proposal proposal = new Proposal(new Data(
                id,
                applicant,
                now,
                application,
                State.DRAFT,
                null,
                null,
                now,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                List.of(),
                null,
                null,
                List.of()));
        proposal.step(now, applicant.accountId(), "drafted", application.title());
        return proposal;
    }

    public static Proposal restore(Data data) {
        return new Proposal(data);
    }

    public Data data() {
        return new Data(
                id,
                applicant,
                createdAt,
                application,
                state,
                policy,
                submittedAt,
                stateSince,
                deadline,
                electorate,
                List.copyOf(votes),
                List.copyOf(comments),
                List.copyOf(history),
                decision,
                fundsNote,
                availableMinor,
                milestones,
                awardedAt,
                acceptedAt,
                attachments);
    }

    // ---- applying

    public void edit(Application changed, Instant now) {
        require(state == State.DRAFT || state == State.MORE_INFO_REQUESTED, "edited");
        this.application = Objects.requireNonNull(changed);
        step(now, applicant.accountId(), "edited", null);
    }

    /** Adds or replaces the document called {@code attachment.name()}; the caller has checked it is a PDF. */
    public void attach(Attachment attachment, String by) {
        require(state == State.DRAFT || state == State.MORE_INFO_REQUESTED, "given attachments");
        requireApplicant(by);
        List<Attachment> next = new ArrayList<>(attachments);
        next.removeIf(a -> a.name().equals(attachment.name()));
        next.add(attachment);
        attachments = List.copyOf(next);
        step(attachment.uploadedAt(), by, "attached " + attachment.name(), attachment.filename());
    }

    /** The category's required attachments this proposal lacks. */
    public List<Violation> missingAttachments(GrantCategory category) {
        return category.requiredAttachments().stream()
                .filter(required -> attachments.stream().noneMatch(a -> a.name().equals(required)))
                .map(required -> new Violation("attachments", "attach the " + required + " (PDF)"))
                .toList();
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** The use case has checked {@link Application#violations} and the caps against {@code category}. */
    public void submit(GrantCategory category, Instant now) {
        require(state == State.DRAFT || state == State.MORE_INFO_REQUESTED, "submitted");
        if (!category.code().equals(application.categoryCode())) {
            throw new IllegalArgumentException("not the proposal's category");
        }
        boolean again = state == State.MORE_INFO_REQUESTED;
        this.policy = category;
        this.submittedAt = submittedAt == null ? now : submittedAt;
        move(State.SUBMITTED, now, null);
        step(now, applicant.accountId(), again ? "resubmitted" : "submitted", null);
    }

    // ---- the chair's completeness check

    public void requestMoreInformation(String chair, String what, Instant now) {
        require(state == State.SUBMITTED, "sent back for more information");
        move(State.MORE_INFO_REQUESTED, now, now.plus(Duration.ofDays(policy.moreInfoWaitDays())));
        step(now, chair, "asked for more information", what);
    }

    /** The charter: "the whole process takes at most 8 weeks" from submission to decision. */
    public static final Duration CHARTER_LIMIT = Duration.ofDays(56);

    static final String OVER_CHARTER_LIMIT = "over 8 weeks";

    /**
     * Marks, once, a proposal still undecided 8 weeks after it was submitted, so staff and the chair are told.
     *
     * @return whether it was marked now
     */
    public boolean flagOverCharterLimit(Instant now) {
        boolean undecided = switch (state) {
            case SUBMITTED, MORE_INFO_REQUESTED, FAST_TRACK, DISCUSSION, VOTING, ESCALATED -> true;
            default -> false;
        };
        if (!undecided
                || submittedAt == null
                || now.isBefore(submittedAt.plus(CHARTER_LIMIT))
                || history.stream().anyMatch(s -> s.action().equals(OVER_CHARTER_LIMIT))) {
            return false;
        }
        step(
                now,
                "system",
                OVER_CHARTER_LIMIT,
                "submitted " + HumanTime.minute(submittedAt) + " and still " + state.whereItStands()
                        + ": the charter decides within 8 weeks");
        return true;
    }

    /** @return whether the proposal was closed now (no answer within the configured wait) */
    public boolean closeIfUnanswered(Instant now) {
        if (state != State.MORE_INFO_REQUESTED || deadline == null || now.isBefore(deadline)) {
            return false;
        }
        move(State.CLOSED, now, null);
        decision = "closed: no answer within " + policy.moreInfoWaitDays() + " days";
        step(now, "system", "closed", decision);
        return true;
    }

    public void acceptAsComplete(String chair, Instant now) {
        require(state == State.SUBMITTED, "accepted as complete");
        move(State.DISCUSSION, now, BusinessDays.after(now, policy.discussionDays()));
        step(now, chair, "accepted as complete", "discussion until " + HumanTime.minute(deadline));
    }

    /**
     * The chair proposes a written resolution instead of a vote.
     *
     * @param refusal why the proposal does not qualify, if it does not
     */
    public void fastTrack(String chair, Optional<String> refusal, Instant now) {
        require(state == State.SUBMITTED, "fast-tracked");
        refusal.ifPresent(reason -> {
            throw new ProposalConflict("Not eligible for the fast track: " + reason);
        });
        move(State.FAST_TRACK, now, now.plus(Duration.ofDays(policy.fastTrack().objectionDays())));
        step(now, chair, "fast-tracked", "objections until " + HumanTime.minute(deadline));
    }

    /** A working-group member objects to the fast track: the proposal goes through discussion and a vote. */
    public void object(String member, String reason, Instant now) {
        require(state == State.FAST_TRACK, "objected to");
        // the window is [fast-tracked, deadline): at the deadline itself the resolution has passed
        require(now.isBefore(deadline), "objected to after the objection window closed");
        move(State.DISCUSSION, now, BusinessDays.after(now, policy.discussionDays()));
        decision = null;
        step(now, member, "objected", reason);
    }

    /** @return whether the fast track's objection window passed without objection (approval requested now) */
    public boolean passFastTrackIfUnopposed(Instant now) {
        if (state != State.FAST_TRACK || now.isBefore(deadline)) {
            return false;
        }
        decision = "passed by written resolution: no objection within "
                + policy.fastTrack().objectionDays() + " days";
        move(State.FUNDS_REQUESTED, now, null);
        step(now, "system", "passed on the fast track", decision);
        return true;
    }

    public void comment(Comment comment) {
        require(
                state == State.SUBMITTED
                        || state == State.MORE_INFO_REQUESTED
                        || state == State.FAST_TRACK
                        || state == State.DISCUSSION
                        || state == State.VOTING
                        || state == State.ESCALATED,
                "discussed");
        comments.add(comment);
    }

    // ---- the vote

    /** Opens the vote among {@code members} (the roster now, ids); the chair may open it before the discussion ends. */
    public void openVote(String by, List<String> members, Instant now) {
        require(state == State.DISCUSSION, "put to the vote");
        if (members.isEmpty()) {
            throw new ProposalConflict("The working group has no members to vote");
        }
        electorate = List.copyOf(members);
        votes.clear();
        move(State.VOTING, now, now.plus(Duration.ofDays(policy.voteDays())));
        step(now, by, "vote opened", electorate.size() + " members, until " + HumanTime.minute(deadline));
    }

    /** @return whether the discussion window has ended (the vote should open) */
    public boolean discussionOver(Instant now) {
        return state == State.DISCUSSION && deadline != null && !now.isBefore(deadline);
    }

    /**
     * A member votes (a later ballot replaces an earlier one while the vote is open). The vote closes as
     * soon as everyone has voted, and at its deadline: a ballot cast from then on is refused, even before the
     * deadline job has closed the vote.
     *
     * @return the tally when this ballot closed the vote
     */
    public Optional<Tally> vote(String member, Choice choice, Instant now) {
        require(state == State.VOTING, "voted on");
        if (!now.isBefore(deadline)) {
            throw new ProposalConflict("The vote closed on " + HumanTime.minute(deadline)
                    + ": a ballot cast after its deadline is not counted");
        }
        if (!electorate.contains(member)) {
            throw new ProposalConflict("Only the members of the working group when the vote opened may vote");
        }
        votes.removeIf(v -> v.memberId().equals(member));
        votes.add(new Vote(member, choice, now));
        step(now, member, choice == Choice.CONFLICT ? "declared a conflict" : "voted", null);
        if (tally().everyoneVoted()) {
            return Optional.of(closeVote(now));
        }
        return Optional.empty();
    }

    public Tally tally() {
        List<Ballot> ballots = votes.stream()
                .map(v -> new Ballot(v.memberId(), v.choice(), false))
                .toList();
        return policy.votingRule().tally(electorate.size(), ballots);
    }

    /** @return the tally, when the window has passed (the vote closes) */
    public Optional<Tally> closeVoteIfDue(Instant now) {
        if (state != State.VOTING || now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(closeVote(now));
    }

    private Tally closeVote(Instant now) {
        Tally tally = tally();
        decision = tally.explanation();
        switch (tally.outcome()) {
            case PASSED -> move(State.FUNDS_REQUESTED, now, null);
            case TIED -> move(State.ESCALATED, now, null);
            default -> move(State.REJECTED, now, null);
        }
        step(now, "system", "vote closed", decision);
        return tally;
    }

    /** The Board settles a deadlock. */
    public void boardDecides(String director, boolean approve, String note, Instant now) {
        require(state == State.ESCALATED, "decided by the Board");
        decision = (approve ? "approved" : "rejected") + " by the Board" + (note == null ? "" : ": " + note);
        move(approve ? State.FUNDS_REQUESTED : State.REJECTED, now, null);
        step(now, director, "Board decision", decision);
    }

    // ---- money

    public void fundsReserved(Instant now) {
        if (state != State.FUNDS_REQUESTED) {
            return; // a repeated answer
        }
        fundsNote = null;
        availableMinor = null;
        move(State.FUNDS_RESERVED, now, null);
        step(now, "funds", "funds reserved", null);
    }

    public void fundsUnavailable(String reason, long available, Instant now) {
        if (state != State.FUNDS_REQUESTED) {
            return;
        }
        fundsNote = reason;
        availableMinor = available;
        move(State.FUNDS_UNAVAILABLE, now, null);
        step(now, "funds", "funds unavailable", reason);
    }

    /** Staff ask the funds again (money came in since). */
    public void requestFundsAgain(String staff, Instant now) {
        require(state == State.FUNDS_UNAVAILABLE, "sent to the funds again");
        move(State.FUNDS_REQUESTED, now, null);
        step(now, staff, "funds requested again", null);
    }

    /** Staff approve: only once the money is reserved. */
    public void approve(String staff, Instant now) {
        if (state == State.FUNDS_UNAVAILABLE) {
            throw new ProposalConflict("Cannot approve: the funds are not available (" + fundsNote + "; available: "
                    + Money.of(availableMinor == null ? 0 : availableMinor, application.currency()) + ")");
        }
        if (state == State.FUNDS_REQUESTED) {
            throw new ProposalConflict("Cannot approve yet: the funds service has not reserved the money");
        }
        require(state == State.FUNDS_RESERVED, "approved");
        List<Milestone> planned = new ArrayList<>();
        int n = 1;
        for (Application.MilestonePlan plan : application.paymentPlan()) {
            planned.add(Milestone.planned(n++, plan.title(), plan.amountMinor(), plan.due()));
        }
        milestones = List.copyOf(planned);
        awardedAt = now;
        move(State.AWARDED, now, null);
        step(now, staff, "approved", null);
    }

    /**
     * Staff decline a proposal the group passed (e.g. the money is not there).
     *
     * @return whether money was reserved for it (to be released)
     */
    public boolean decline(String staff, String reason, Instant now) {
        require(
                state == State.FUNDS_REQUESTED || state == State.FUNDS_RESERVED || state == State.FUNDS_UNAVAILABLE,
                "declined");
        boolean reserved = state == State.FUNDS_RESERVED || state == State.FUNDS_REQUESTED;
        decision = "declined by staff: " + reason;
        move(State.REJECTED, now, null);
        step(now, staff, "declined", reason);
        return reserved;
    }

    /**
     * Staff withdraw an awarded grant that will not be carried out (the applicant never accepted the award letter,
     * the event was cancelled): milestones already paid stay paid, nothing more is paid, and what is still reserved
     * for it is released.
     */
    public void withdraw(String staff, String reason, Instant now) {
        require(state == State.AWARDED || state == State.ACTIVE, "withdrawn");
        if (!milestones.isEmpty() && milestones.stream().allMatch(m -> m.payment() == Milestone.Payment.DISBURSED)) {
            throw new ProposalConflict("Every milestone of this grant is paid: nothing is left to withdraw");
        }
        decision = "withdrawn by staff: " + reason;
        move(State.WITHDRAWN, now, null);
        step(now, staff, "withdrawn", reason);
    }

    public void acceptAward(String by, Instant now) {
        require(state == State.AWARDED, "accepted");
        requireApplicant(by);
        acceptedAt = now;
        move(State.ACTIVE, now, null);
        step(now, by, "award letter accepted", null);
    }

    // ---- after the award

    /** Staff release milestone {@code number}: the previous milestone's report must be accepted. */
    public Milestone disburse(int number, String staff, Instant now) {
        require(state == State.ACTIVE, "paid");
        Milestone milestone = milestone(number);
        if (milestone.payment() == Milestone.Payment.DISBURSED) {
            throw new ProposalConflict("Milestone " + number + " is already paid");
        }
        if (number > 1 && milestone(number - 1).report() != Milestone.Report.ACCEPTED) {
            throw new ProposalConflict("Milestone " + number + " is paid only after the report on milestone "
                    + (number - 1) + " is submitted and accepted");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate base = milestone.due() == null || milestone.due().isBefore(today) ? today : milestone.due();
        Milestone paid = milestone.disbursed(now, base.plusDays(REPORT_DAYS));
        replace(paid);
        step(
                now,
                staff,
                "milestone " + number + " paid",
                Money.of(paid.amountMinor(), application.currency()).withCode());
        return paid;
    }

    public void submitReport(int number, String by, String text, Instant now) {
        require(state == State.ACTIVE, "reported on");
        requireApplicant(by);
        Milestone milestone = milestone(number);
        if (milestone.payment() != Milestone.Payment.DISBURSED) {
            throw new ProposalConflict("Milestone " + number + " is not paid yet: report after it is paid");
        }
        if (milestone.report() == Milestone.Report.ACCEPTED) {
            throw new ProposalConflict("The report on milestone " + number + " is already accepted");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a report needs text");
        }
        replace(milestone.reported(text, now));
        step(now, by, "report on milestone " + number + " submitted", null);
    }

    /** @return whether this was the last report (the grant is completed) */
    public boolean acceptReport(int number, String staff, Instant now) {
        require(state == State.ACTIVE, "reported on");
        Milestone milestone = milestone(number);
        if (milestone.report() != Milestone.Report.SUBMITTED) {
            throw new ProposalConflict("There is no submitted report on milestone " + number + " to accept");
        }
        replace(milestone.reportAccepted());
        step(now, staff, "report on milestone " + number + " accepted", null);
        if (milestones.stream().allMatch(m -> m.report() == Milestone.Report.ACCEPTED)) {
            move(State.COMPLETED, now, null);
            step(now, staff, "completed", "final report accepted");
            return true;
        }
        return false;
    }

    /**
     * Marks the reports that became overdue since the last check as reminded.
     *
     * @return the milestones whose overdue report the applicant should be reminded of now (once each)
     */
    public List<Milestone> remindOverdueReports(Instant now) {
        if (state != State.ACTIVE) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Milestone> reminded = new ArrayList<>();
        for (Milestone m : milestones) {
            if (m.reportOverdue(today) && m.remindedAt() == null) {
                Milestone marked = m.reminded(now);
                replace(marked);
                reminded.add(marked);
                step(now, "system", "reminded of the overdue report on milestone " + m.number(), null);
            }
        }
        return reminded;
    }

    public boolean hasOverdueReport(LocalDate today) {
        return milestones.stream().anyMatch(m -> m.reportOverdue(today));
    }

    // ---- helpers

    private Milestone milestone(int number) {
        return milestones.stream()
                .filter(m -> m.number() == number)
                .findFirst()
                .orElseThrow(() -> new ProposalConflict("The grant has no milestone " + number));
    }

    private void replace(Milestone changed) {
        List<Milestone> next = new ArrayList<>(milestones);
        next.set(changed.number() - 1, changed);
        milestones = List.copyOf(next);
    }

    private void requireApplicant(String by) {
        if (!applicant.accountId().equals(by)) {
            throw new ProposalConflict("Only the applicant may do this");
        }
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new ProposalConflict("A proposal that is "
                    + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " cannot be " + action);
        }
    }

    private void move(State next, Instant now, Instant until) {
        state = next;
        stateSince = now;
        deadline = until;
    }

    private void step(Instant at, String actor, String action, String note) {
        history.add(new Step(at, actor, action, note));
    }

    public void recordStep(Instant at, String actor, String action, String note) {
        step(at, actor, action, note);
    }

    public String id() {
        return id;
    }

    public Applicant applicant() {
        return applicant;
    }

    public Application application() {
        return application;
    }

    public State state() {
        return state;
    }

    public GrantCategory policy() {
        return policy;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public List<String> electorate() {
        return electorate;
    }

    public List<Vote> votes() {
        return List.copyOf(votes);
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    public String decision() {
        return decision;
    }

    public String fundsNote() {
        return fundsNote;
    }

    public Long availableMinor() {
        return availableMinor;
    }

    public List<Milestone> milestones() {
        return milestones;
    }

    public Instant awardedAt() {
        return awardedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    /** Everything a proposal is, for storage. */
    public record Data(
            String id,
            Applicant applicant,
            Instant createdAt,
            Application application,
            State state,
            GrantCategory policy,
            Instant submittedAt,
            Instant stateSince,
            Instant deadline,
            List<String> electorate,
            List<Vote> votes,
            List<Comment> comments,
            List<Step> history,
            String decision,
            String fundsNote,
            Long availableMinor,
            List<Milestone> milestones,
            Instant awardedAt,
            Instant acceptedAt,
            List<Attachment> attachments) {}
}
