package org.endow.grants.proposals.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.ProposalConflict;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.security.Caller;
import org.junit.jupiter.api.Test;

/** Each voting rule as the working group meets it: the tally and the category's rule decide. */
class VotingTest {

    final GrantsFixture f = new GrantsFixture();

    @Test
    void thirty_percent_of_voting_members_passes_with_three_ayes_of_ten_and_asks_the_funds() {
        List<Caller> m = f.members(9); // ten with the chair
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));

        f.reviewing.vote(m.get(0), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(1), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(2), proposal.id(), Choice.YES);
        for (int i = 3; i < 9; i++) {
            f.reviewing.vote(m.get(i), proposal.id(), Choice.NO);
        }
        var result = f.reviewing.vote(f.chair, proposal.id(), Choice.NO);

        assertTrue(result.closed(), "everyone voted: the vote closes early");
        assertEquals(State.FUNDS_REQUESTED, result.proposal().state());
        var asked = f.outbox.payloads(GrantEvents.GRANT_APPROVAL_REQUESTED);
        assertEquals(1, asked.size());
        assertEquals("core-sprint-2027", asked.getFirst().fundCode());
        assertEquals(300_000, asked.getFirst().amountMinor());
        assertEquals(
                1,
                f.mails.to("ada@example.org").stream()
                        .filter(mail -> mail.subject().endsWith("passed"))
                        .count());
    }

    @Test
    void thirty_percent_fails_with_two_ayes_of_ten_when_the_window_closes() {
        List<Caller> m = f.members(9);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        f.reviewing.vote(m.get(0), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(1), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(2), proposal.id(), Choice.NO);

        f.clock.advance(Duration.ofDays(9));
        assertEquals(0, f.deadlines.run());
        f.clock.advance(Duration.ofDays(1));
        assertEquals(1, f.deadlines.run());

        assertEquals(State.REJECTED, f.reload(proposal).state());
        assertTrue(f.outbox.payloads(GrantEvents.GRANT_APPROVAL_REQUESTED).isEmpty());
    }

    @Test
    void a_ballot_cast_after_the_vote_s_deadline_is_refused_before_the_job_closes_the_vote() {
        List<Caller> m = f.members(9);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000)); // 10 days: until 11 Feb 2027, 09:00
        f.reviewing.vote(m.get(0), proposal.id(), Choice.YES);
        f.clock.advance(Duration.ofDays(10).minusSeconds(1));
        f.reviewing.vote(m.get(1), proposal.id(), Choice.YES); // the last second counts

        f.clock.advance(Duration.ofSeconds(1)); // the deadline; the 1-minute job has not run yet
        ProposalConflict late =
                assertThrows(ProposalConflict.class, () -> f.reviewing.vote(m.get(2), proposal.id(), Choice.YES));

        assertEquals(
                "The vote closed on 11 Feb 2027, 09:00 UTC: a ballot cast after its deadline is not counted",
                late.getMessage());
        assertEquals(2, f.reload(proposal).votes().size());
        assertEquals(1, f.deadlines.run());
        // 2 ayes of 10 members: the third, late, aye would have passed it
        assertEquals(State.REJECTED, f.reload(proposal).state());
    }

    @Test
    void members_who_declare_a_conflict_are_left_out_of_the_base() {
        // 30 % of 10 needs 3 ayes; with 4 recused and 1 abstaining, 2 ayes of the 5 voting members pass
        List<Caller> m = f.members(9);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        for (int i = 0; i < 4; i++) {
            f.reviewing.vote(m.get(i), proposal.id(), Choice.CONFLICT);
        }
        f.reviewing.vote(m.get(4), proposal.id(), Choice.ABSTAIN);
        f.reviewing.vote(m.get(5), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(6), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(7), proposal.id(), Choice.NO);
        f.reviewing.vote(m.get(8), proposal.id(), Choice.NO);
        var result = f.reviewing.vote(f.chair, proposal.id(), Choice.NO);

        assertEquals(4, result.tally().conflict());
        assertEquals(
                State.FUNDS_REQUESTED, result.proposal().state(), result.tally().explanation());
    }

    @Test
    void a_member_with_no_seat_when_the_vote_opened_cannot_vote() {
        f.members(2);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        List<Caller> late = f.members(3); // m1, m2 again and a new m3
        assertThrows(ProposalConflict.class, () -> f.reviewing.vote(late.get(2), proposal.id(), Choice.YES));
    }

    @Test
    void a_majority_of_votes_cast_needs_more_than_half() {
        f.categories.save(GrantsFixture.sprint(VotingRule.majorityOfCast()));
        List<Caller> m = f.members(4);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        f.reviewing.vote(m.get(0), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(1), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(2), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(3), proposal.id(), Choice.NO);
        var result = f.reviewing.vote(f.chair, proposal.id(), Choice.ABSTAIN);
        assertEquals(
                State.FUNDS_REQUESTED, result.proposal().state(), result.tally().explanation());
    }

    @Test
    void two_thirds_of_votes_cast_is_not_reached_by_three_of_five() {
        f.categories.save(GrantsFixture.sprint(VotingRule.twoThirdsOfCast()));
        List<Caller> m = f.members(4);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        f.reviewing.vote(m.get(0), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(1), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(2), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(3), proposal.id(), Choice.NO);
        var result = f.reviewing.vote(f.chair, proposal.id(), Choice.NO);
        assertEquals(State.REJECTED, result.proposal().state(), result.tally().explanation());
    }

    @Test
    void a_deadlock_goes_to_the_board_which_decides() {
        f.categories.save(GrantsFixture.sprint(VotingRule.majorityOfCast()));
        List<Caller> m = f.members(3);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        f.reviewing.vote(m.get(0), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(1), proposal.id(), Choice.YES);
        f.reviewing.vote(m.get(2), proposal.id(), Choice.NO);
        var result = f.reviewing.vote(f.chair, proposal.id(), Choice.NO);

        assertEquals(State.ESCALATED, result.proposal().state(), result.tally().explanation());
        assertEquals(1, f.mails.to("board@endow.test").size());
        assertThrows(
                org.endow.platform.problem.ProblemException.class,
                () -> f.reviewing.boardDecides(f.staff, proposal.id(), true, null));

        Proposal decided = f.reviewing.boardDecides(f.board, proposal.id(), true, "a good sprint");
        assertEquals(State.FUNDS_REQUESTED, decided.state());
        assertEquals(1, f.outbox.payloads(GrantEvents.GRANT_APPROVAL_REQUESTED).size());
    }
}
