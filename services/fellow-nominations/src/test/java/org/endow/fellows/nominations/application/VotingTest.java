package org.endow.fellows.nominations.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.Results;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The work group's vote under each configured rule, and its window. */
class VotingTest {

    @Test
    void more_than_half_of_the_votes_cast_elects_conflicts_and_abstentions_aside_and_the_vote_closes_when_all_voted() {
        FellowsFixture f = new FellowsFixture().members(5);
        UUID grace = f.verifiedInReview();

        f.voting.vote("m1", grace, Choice.YES);
        f.voting.vote("m2", grace, Choice.YES);
        f.voting.vote("m3", grace, Choice.NO);
        f.voting.vote("m4", grace, Choice.CONFLICT);
        Voting.Cast last = f.voting.vote("m5", grace, Choice.ABSTAIN);

        assertTrue(last.closed(), "everyone voted: the vote closes before the window ends");
        assertEquals(NomineeStatus.ELECTED, f.nominee(grace).status());
        assertEquals("2027-Q1", f.nominee(grace).electedIn());
        assertTrue(f.mails.to("grace@example.org").getLast().text().contains("http://portal/fellows/accept/"));
        assertTrue(f.mails.to("ada@example.org").getLast().subject().endsWith("elected"));
        Results.Result result = f.results.of("2027-Q1").getFirst();
        assertEquals(2, result.yes());
        assertEquals(1, result.no());
        assertEquals(1, result.conflict());
        assertTrue(f.audit.entries().stream()
                .anyMatch(e -> e.action().equals("vote.closed") && e.details().contains("ELECTED")));
    }

    @Test
    void a_tie_is_not_a_majority_and_the_nominee_is_carried_to_the_next_cycle() {
        FellowsFixture f = new FellowsFixture().members(4);
        UUID grace = f.votedOn(Choice.YES, Choice.YES, Choice.NO, Choice.NO);

        assertEquals(NomineeStatus.VERIFIED, f.nominee(grace).status());
        assertEquals("2027-Q2", f.nominee(grace).cycle().label());
        assertTrue(f.mails.to("ada@example.org").getLast().text().contains("reconsidered in cycle 2027-Q2"));
        assertEquals("CARRIED_OVER", f.results.of("2027-Q1").getFirst().decision());
    }

    @Test
    void a_second_vote_replaces_the_first_and_the_answer_says_so() {
        FellowsFixture f = new FellowsFixture().members(3);
        UUID grace = f.verifiedInReview();

        assertFalse(f.voting.vote("m1", grace, Choice.YES).replaced());
        Voting.Cast again = f.voting.vote("m1", grace, Choice.NO);

        assertTrue(again.replaced());
        assertFalse(again.closed());
        assertEquals(Choice.NO, f.workGroup.votes(grace, "2027-Q1").get("m1"));
        assertEquals(1, f.workGroup.votes(grace, "2027-Q1").size());
    }

    @Test
    void a_vote_outside_the_review_window_is_refused_with_a_conflict_saying_when_it_is_open() {
        FellowsFixture f = new FellowsFixture().members(3);
        UUID grace =
                f.nominate("ada", "Grace Hopper", "grace@example.org").nominee().id();
        f.reviewing.verify("m1", grace);

        ProblemException early = assertThrows(ProblemException.class, () -> f.voting.vote("m1", grace, Choice.YES));
        assertEquals(409, early.status().getCode());

        f.clock.set(Instant.parse("2027-03-20T23:00:00Z")); // the last day still counts
        f.voting.vote("m1", grace, Choice.YES);

        f.afterReview();
        ProblemException late = assertThrows(ProblemException.class, () -> f.voting.vote("m2", grace, Choice.YES));
        assertEquals(409, late.status().getCode());
        assertTrue(late.getMessage().contains("open from 21 Feb 2027 to 20 Mar 2027"), late.getMessage());
    }

    @Test
    void only_members_vote_and_only_on_a_verified_nominee() {
        FellowsFixture f = new FellowsFixture().members(3);
        UUID grace =
                f.nominate("ada", "Grace Hopper", "grace@example.org").nominee().id();
        f.inReview();

        assertEquals(
                403,
                assertThrows(ProblemException.class, () -> f.voting.vote("mallory", grace, Choice.YES))
                        .status()
                        .getCode());
        ProblemException unverified =
                assertThrows(ProblemException.class, () -> f.voting.vote("m1", grace, Choice.YES));
        assertEquals(409, unverified.status().getCode());
        assertTrue(unverified.getMessage().contains("only a verified nominee is voted on"), unverified.getMessage());
    }

    @Test
    void two_thirds_of_the_votes_cast_elect_unless_a_member_holding_a_veto_votes_no() {
        VotingRule twoThirdsWithVeto = VotingRule.twoThirdsOfCast().withVeto();

        FellowsFixture passes = new FellowsFixture(twoThirdsWithVeto).members(4, "m4");
        UUID grace = passes.votedOn(Choice.YES, Choice.YES, Choice.NO, Choice.YES);
        assertEquals(NomineeStatus.ELECTED, passes.nominee(grace).status(), "3 of 4 cast is more than two thirds");

        FellowsFixture shortOf = new FellowsFixture(twoThirdsWithVeto).members(4, "m4");
        UUID linus = shortOf.votedOn(Choice.YES, Choice.NO, Choice.CONFLICT, Choice.ABSTAIN);
        assertEquals(NomineeStatus.VERIFIED, shortOf.nominee(linus).status(), "1 of 2 cast is short of two thirds");

        FellowsFixture vetoed = new FellowsFixture(twoThirdsWithVeto).members(4, "m4");
        UUID guido = vetoed.votedOn(Choice.YES, Choice.YES, Choice.YES, Choice.NO);
        assertEquals(NomineeStatus.VERIFIED, vetoed.nominee(guido).status(), "the veto holder (m4) voted no");
        assertTrue(vetoed.audit.entries().stream()
                .anyMatch(e -> e.action().equals("vote.closed") && e.details().contains("vetoed")));
    }

    @Test
    void the_window_closing_decides_on_the_votes_cast_so_far() {
        FellowsFixture f = new FellowsFixture().members(5);
        UUID grace = f.votedOn(Choice.YES, Choice.YES, Choice.NO);

        assertEquals(0, f.voting.closeDue(), "still open on the last day");
        f.afterReview();
        assertEquals(1, f.voting.closeDue());

        assertEquals(NomineeStatus.ELECTED, f.nominee(grace).status());
        assertEquals(2, f.results.of("2027-Q1").getFirst().notVoted());
        assertEquals(0, f.voting.closeDue(), "closed once");
    }

    @Test
    void members_who_have_not_voted_are_reminded_once_a_few_days_before_the_window_closes() {
        FellowsFixture f = new FellowsFixture().members(3);
        UUID grace = f.verifiedInReview();
        f.voting.vote("m1", grace, Choice.YES);

        assertEquals(0, f.voting.remind(), "too early");
        f.clock.set(Instant.parse("2027-03-17T08:00:00Z"));
        assertEquals(2, f.voting.remind());
        assertEquals(0, f.voting.remind(), "once");

        assertTrue(f.mails.to("m1@endow.test").isEmpty());
        assertTrue(f.mails.to("m2@endow.test").getFirst().text().contains("closes on 20 Mar 2027"));
    }

    @Test
    void a_nominee_not_approved_is_carried_over_until_a_year_has_passed_then_expires_and_the_nominator_is_told() {
        FellowsFixture f = new FellowsFixture().members(2);
        UUID grace = f.votedOn(Choice.NO, Choice.NO);
        assertEquals("2027-Q2", f.nominee(grace).cycle().label());

        for (String end : new String[] {"2027-06-21", "2027-09-21"}) {
            f.clock.set(Instant.parse(end + "T10:00:00Z"));
            f.voting.closeDue(); // nobody voted: not approved
            assertTrue(f.nominee(grace).active(), "still considered after " + end);
        }
        assertEquals("2027-Q4", f.nominee(grace).cycle().label());

        // the next cycle (2028-Q1, cut-off Feb 20) starts more than a year after the nomination of 2027-01-10
        f.clock.set(Instant.parse("2027-12-21T10:00:00Z"));
        f.voting.closeDue();

        assertEquals(NomineeStatus.EXPIRED, f.nominee(grace).status());
        assertTrue(f.mails.to("ada@example.org").getLast().subject().endsWith("expired"));
        assertEquals("EXPIRED", f.results.of("2027-Q4").getFirst().decision());
    }
}
