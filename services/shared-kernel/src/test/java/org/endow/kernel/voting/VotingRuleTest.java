package org.endow.kernel.voting;

import static org.endow.kernel.voting.Choice.ABSTAIN;
import static org.endow.kernel.voting.Choice.CONFLICT;
import static org.endow.kernel.voting.Choice.NO;
import static org.endow.kernel.voting.Choice.YES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VotingRuleTest {

    private static List<Ballot> ballots(Choice... choices) {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            ballots.add(Ballot.of("member-" + i, choices[i]));
        }
        return ballots;
    }

    @Test
    void a_majority_of_cast_needs_more_than_half_and_ignores_abstentions_and_conflicts() {
        VotingRule rule = VotingRule.majorityOfCast();

        Tally passed = rule.tally(7, ballots(YES, YES, NO, ABSTAIN, ABSTAIN, CONFLICT));
        assertEquals(Outcome.PASSED, passed.outcome());
        assertEquals(1, passed.notVoted());
        assertEquals(1, passed.conflict());

        assertEquals(Outcome.REJECTED, rule.tally(5, ballots(YES, NO, NO)).outcome());
    }

    @Test
    void an_even_split_is_a_tie_not_a_pass() {
        Tally tie = VotingRule.majorityOfCast().tally(4, ballots(YES, YES, NO, NO));

        assertEquals(Outcome.TIED, tie.outcome());
        assertTrue(tie.explanation().contains("2 yes, 2 no"), tie.explanation());
    }

    @Test
    void two_thirds_of_cast_is_exact_in_integers() {
        VotingRule rule = VotingRule.twoThirdsOfCast();

        assertEquals(Outcome.PASSED, rule.tally(3, ballots(YES, YES, NO)).outcome());
        assertEquals(
                Outcome.REJECTED, rule.tally(5, ballots(YES, YES, YES, NO, NO)).outcome()); // 60 %
        assertEquals(
                Outcome.PASSED,
                rule.tally(6, ballots(YES, YES, YES, YES, NO, NO)).outcome());
    }

    @Test
    void a_veto_rejects_whatever_the_count_only_where_vetoes_apply() {
        List<Ballot> ballots = new ArrayList<>(ballots(YES, YES, YES, YES));
        ballots.add(new Ballot("steering-council", NO, true));

        assertEquals(
                Outcome.VETOED,
                VotingRule.twoThirdsOfCast().withVeto().tally(5, ballots).outcome());
        assertEquals(
                Outcome.PASSED, VotingRule.twoThirdsOfCast().tally(5, ballots).outcome());
    }

    @Test
    void a_veto_holder_voting_yes_is_no_veto() {
        List<Ballot> ballots = new ArrayList<>(ballots(YES, NO));
        ballots.add(new Ballot("steering-council", YES, true));

        assertEquals(
                Outcome.PASSED,
                VotingRule.twoThirdsOfCast().withVeto().tally(3, ballots).outcome());
    }

    @Test
    void thirty_percent_of_voting_members_excludes_abstentions_and_conflicts_but_counts_silence_against() {
        VotingRule rule = VotingRule.atLeastPercentOfMembers(30);

        // 10 members, 2 abstain, 1 conflict: 7 voting members, 30 % of 7 = 2.1, so 3 ayes are needed
        assertEquals(
                Outcome.REJECTED,
                rule.tally(10, ballots(YES, YES, NO, ABSTAIN, ABSTAIN, CONFLICT))
                        .outcome());
        assertEquals(
                Outcome.PASSED,
                rule.tally(10, ballots(YES, YES, YES, ABSTAIN, ABSTAIN, CONFLICT))
                        .outcome());
    }

    @Test
    void a_minimum_turnout_is_measured_among_members_without_a_conflict() {
        VotingRule rule = VotingRule.majorityOfCast().withQuorum(50);

        assertEquals(
                Outcome.NO_QUORUM,
                rule.tally(10, ballots(YES, YES, YES, CONFLICT)).outcome());
        // 9 entitled, 5 took part (abstaining counts as taking part)
        assertEquals(
                Outcome.PASSED,
                rule.tally(10, ballots(YES, YES, YES, NO, ABSTAIN, CONFLICT)).outcome());
    }

    @Test
    void no_ballot_at_all_decides_nothing() {
        assertEquals(
                Outcome.NO_QUORUM,
                VotingRule.majorityOfCast().tally(5, List.of()).outcome());
        assertEquals(
                Outcome.NO_QUORUM,
                VotingRule.majorityOfCast().tally(3, ballots(ABSTAIN, CONFLICT)).outcome());
    }

    @Test
    void a_voter_has_one_ballot() {
        List<Ballot> twice = List.of(Ballot.of("ada", YES), Ballot.of("ada", NO));

        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> VotingRule.majorityOfCast().tally(3, twice));
        assertTrue(refused.getMessage().contains("ada"));
    }

    @Test
    void everyone_voted_lets_a_vote_close_early() {
        assertTrue(VotingRule.majorityOfCast().tally(2, ballots(YES, CONFLICT)).everyoneVoted());
    }

    @Test
    void a_threshold_outside_zero_to_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new VotingRule(Basis.VOTES_CAST, 3, 2, false, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new VotingRule(Basis.VOTES_CAST, 1, 2, false, 101, false));
    }
}
