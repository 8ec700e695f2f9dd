package org.endow.grants.proposals.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.HumanTime;

/**
 * The process's clock, run on a schedule: proposals without an answer to "more information" close,
 * discussions end in a vote, votes close at the end of their window, and fast tracks without objection
 * pass; applicants whose progress report became overdue are reminded (once per report). Driven by the
 * injected {@link Clock}, so tests move time instead of waiting.
 */
@Singleton
public class KeepingDeadlines {

    private final Proposals proposals;
    private final Reviewing reviewing;
    private final FollowingUp followingUp;
    private final Notifications notify;
    private final Clock clock;

    KeepingDeadlines(
            Proposals proposals, Reviewing reviewing, FollowingUp followingUp, Notifications notify, Clock clock) {
        this.proposals = proposals;
        this.reviewing = reviewing;
        this.followingUp = followingUp;
        this.notify = notify;
        this.clock = clock;
    }

    /** @return how many proposals moved */
    @Transactional
    public int run() {
        if (!proposals.claimDeadlineRun()) {
            return 0; // another replica is keeping the deadlines right now
        }
        Instant now = clock.instant();
        int moved = 0;
        for (Proposal proposal : proposals.inStates(
                List.of(State.MORE_INFO_REQUESTED, State.FAST_TRACK, State.DISCUSSION, State.VOTING))) {
            if (proposal.closeIfUnanswered(now)
                    || proposal.passFastTrackIfUnopposed(now)
                    || proposal.closeVoteIfDue(now).isPresent()) {
                proposals.update(proposal);
                followingUp.decided(proposal, "system", now);
                moved++;
            } else if (proposal.discussionOver(now)) {
                reviewing.openVote(proposal, "system", now);
                moved++;
            }
        }
        for (Proposal proposal : proposals.inStates(List.of(
                State.SUBMITTED,
                State.MORE_INFO_REQUESTED,
                State.FAST_TRACK,
                State.DISCUSSION,
                State.VOTING,
                State.ESCALATED))) {
            if (proposal.flagOverCharterLimit(now)) {
                notify.staff(
                        proposal,
                        "over the 8-week limit",
                        "This proposal was submitted on " + HumanTime.day(proposal.submittedAt()) + " and is still "
                                + proposal.state().whereItStands()
                                + ": the charter asks for a decision within 8 weeks.");
                proposals.update(proposal);
            }
        }
        for (Proposal proposal : proposals.inStates(List.of(State.ACTIVE))) {
            for (Milestone overdue : proposal.remindOverdueReports(now)) {
                notify.applicant(
                        proposal,
                        "progress report overdue",
                        "Your progress report on milestone " + overdue.number() + " (" + overdue.title()
                                + ") was due on " + HumanTime.day(overdue.reportDue())
                                + ". Please submit it in the portal: until"
                                + " then the next milestone cannot be paid and no new application can be accepted.");
                notify.staff(proposal, "report overdue", "Milestone " + overdue.number() + " report overdue.");
                proposals.update(proposal);
                moved++;
            }
        }
        return moved;
    }
}
