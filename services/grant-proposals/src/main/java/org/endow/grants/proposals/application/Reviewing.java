package org.endow.grants.proposals.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.endow.grants.committee.model.Member;
import org.endow.grants.committee.model.Members;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Comment;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.kernel.HumanTime;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.Tally;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/**
 * The Grants Working Group's review: the chair's completeness check (more information, or on to
 * discussion, or the fast track), comments, objections, the vote, and the Board's word on a deadlock.
 * Every step is audited and mailed to whoever waits on it.
 */
@Singleton
public class Reviewing {

    private final Proposals proposals;
    private final Members members;
    private final FollowingUp followingUp;
    private final Notifications notify;
    private final AuditTrail audit;
    private final Clock clock;

    Reviewing(
            Proposals proposals,
            Members members,
            FollowingUp followingUp,
            Notifications notify,
            AuditTrail audit,
            Clock clock) {
        this.proposals = proposals;
        this.members = members;
        this.followingUp = followingUp;
        this.notify = notify;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Proposal requestMoreInformation(Caller chair, String id, String what) {
        requireChair(chair);
        if (what == null || what.isBlank()) {
            throw ProblemException.invalidField("message", "say what information is missing");
        }
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.requestMoreInformation(chair.accountId(), what, now);
        save(proposal, chair, "asked for more information", what, now);
        notify.applicant(
                proposal,
                "more information needed",
                "The chair of the Grants Working Group needs more information:\n\n" + what
                        + "\n\nEdit your proposal and submit it again before "
                        + HumanTime.day(proposal.deadline())
                        + "; without an answer it closes then.");
        return proposal;
    }

    @Transactional
    public Proposal acceptAsComplete(Caller chair, String id) {
        requireChair(chair);
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.acceptAsComplete(chair.accountId(), now);
        save(proposal, chair, "accepted as complete", "", now);
        notify.workingGroup(
                proposal,
                "open for discussion",
                "The proposal is complete and open for discussion until " + HumanTime.minute(proposal.deadline())
                        + ".");
        return proposal;
    }

    @Transactional
    public Proposal fastTrack(Caller chair, String id) {
        requireChair(chair);
        Proposal proposal = load(id);
        Instant now = clock.instant();
        var application = proposal.application();
        Optional<String> refusal =
                application.eventSeries() == null || application.eventSeries().isBlank()
                        ? Optional.of("the proposal names no recurring event")
                        : proposal.policy()
                                .fastTrack()
                                .refusal(
                                        application.amountMinor(),
                                        application.startDate() == null
                                                ? now.atOffset(ZoneOffset.UTC).getYear()
                                                : application.startDate().getYear(),
                                        proposals.awardedByYear(
                                                application.organisation(),
                                                application.eventSeries(),
                                                application.currency() == null ? "USD" : application.currency()));
        proposal.fastTrack(chair.accountId(), refusal, now);
        save(proposal, chair, "fast-tracked", "", now);
        notify.workingGroup(
                proposal,
                "fast track: object by " + HumanTime.day(proposal.deadline()),
                "The chair proposes to fund this repeat event by written resolution. It passes unless a member"
                        + " objects before " + HumanTime.minute(proposal.deadline()) + ".");
        return proposal;
    }

    @Transactional
    public Proposal object(Caller member, String id, String reason) {
        requireMember(member);
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.object(member.accountId(), reason, now);
        save(proposal, member, "objected to the fast track", reason == null ? "" : reason, now);
        notify.workingGroup(
                proposal, "fast track objected", "A member objected; the proposal goes to discussion and a vote.");
        return proposal;
    }

    @Transactional
    public Proposal comment(Caller member, String id, String text) {
        requireMember(member);
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "write a comment");
        }
        Proposal proposal = load(id);
        proposal.comment(new Comment(member.accountId(), member.name(), text, clock.instant()));
        proposals.update(proposal);
        return proposal;
    }

    @Transactional
    public Proposal openVote(Caller chair, String id) {
        requireChair(chair);
        Proposal proposal = load(id);
        Instant now = clock.instant();
        openVote(proposal, chair.accountId(), now);
        return proposal;
    }

    void openVote(Proposal proposal, String by, Instant now) {
        List<String> roster = members.all().stream().map(Member::accountId).toList();
        proposal.openVote(by, roster, now);
        proposals.update(proposal);
        audit.record(by, "vote opened", proposal.id(), proposal.electorate().size() + " members", now);
        notify.workingGroup(
                proposal,
                "please vote",
                "The vote is open until " + HumanTime.minute(proposal.deadline())
                        + ". Vote aye, nay or abstain, or declare a conflict.");
    }

    @Transactional
    public VoteResult vote(Caller member, String id, Choice choice) {
        requireMember(member);
        Proposal proposal = load(id);
        Instant now = clock.instant();
        Optional<Tally> closed = proposal.vote(member.accountId(), choice, now);
        proposals.update(proposal);
        audit.record(member.accountId(), "voted " + choice, id, "", now);
        closed.ifPresent(tally -> followingUp.decided(proposal, "system", now));
        return new VoteResult(proposal, proposal.tally(), closed.isPresent());
    }

    @Transactional
    public Proposal boardDecides(Caller director, String id, boolean approve, String note) {
        if (!director.has(Roles.ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "Only the Board decides", List.of());
        }
        Proposal proposal = load(id);
        Instant now = clock.instant();
        proposal.boardDecides(director.accountId(), approve, note, now);
        proposals.update(proposal);
        followingUp.decided(proposal, director.accountId(), now);
        return proposal;
    }

    public boolean isChair(Caller caller) {
        return caller.has(Roles.STAFF)
                || (caller.has(Roles.GRANTS_WG)
                        && members.find(caller.accountId()).map(Member::chair).orElse(false));
    }

    private void requireChair(Caller caller) {
        if (!isChair(caller)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "Only the working group's chair or staff may do this",
                    List.of());
        }
    }

    private void requireMember(Caller caller) {
        if (!caller.has(Roles.GRANTS_WG) || members.find(caller.accountId()).isEmpty()) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "Only members of the Grants Working Group may do this",
                    List.of());
        }
    }

    private Proposal load(String id) {
        return proposals.lock(id).orElseThrow(() -> ProblemException.notFound("No proposal " + id));
    }

    private void save(Proposal proposal, Caller actor, String action, String details, Instant now) {
        proposals.update(proposal);
        audit.record(actor.accountId(), action, proposal.id(), details, now);
    }

    /** @param closed whether this ballot closed the vote (everyone has voted) */
    public record VoteResult(Proposal proposal, Tally tally, boolean closed) {}
}
