package org.endow.fellows.nominations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.endow.kernel.voting.Ballot;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.VotingRule;
import org.junit.jupiter.api.Test;

class CycleCalendarTest {

    final CycleCalendar calendar = CycleCalendar.psf();

    @Test
    void a_nomination_lands_in_the_next_cycle_whose_cut_off_is_on_or_after_it() {
        Cycle q4 = calendar.cycleFor(LocalDate.parse("2026-11-20"));
        assertEquals("2026-Q4", q4.label());
        assertEquals(LocalDate.parse("2026-12-20"), q4.reviewEnd());
        assertEquals("2027-Q1", calendar.cycleFor(LocalDate.parse("2026-11-21")).label());
        assertEquals(
                LocalDate.parse("2027-02-20"),
                calendar.cycleFor(LocalDate.parse("2026-11-21")).cutOff());
        assertEquals(
                "2027-Q2",
                calendar.next(calendar.cycleFor(LocalDate.parse("2027-01-01"))).label());
    }

    @Test
    void the_review_window_is_after_the_cut_off_up_to_the_review_end() {
        Cycle q4 = calendar.cycleFor(LocalDate.parse("2026-11-01"));
        assertFalse(q4.reviewing(LocalDate.parse("2026-11-20")));
        assertTrue(q4.reviewing(LocalDate.parse("2026-11-21")));
        assertTrue(q4.reviewing(LocalDate.parse("2026-12-20")));
        assertFalse(q4.reviewing(LocalDate.parse("2026-12-21")));
        assertTrue(q4.reviewOver(LocalDate.parse("2026-12-21")));
    }

    @Test
    void a_nominee_not_approved_is_carried_over_until_a_year_has_passed_then_expires() {
        LocalDate first = LocalDate.parse("2026-11-01");
        Nominee nominee = Nominee.nominated(
                UUID.randomUUID(), "Ada", "ADA@example.org ", List.of(), calendar.cycleFor(first), first);
        assertEquals("ada@example.org", nominee.email());
        nominee.verify();
        var rejected =
                VotingRule.majorityOfCast().tally(3, List.of(Ballot.of("a", Choice.NO), Ballot.of("b", Choice.NO)));
        LocalDate until = first.plusMonths(12);
        for (String expected : List.of("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4")) {
            Cycle next = calendar.next(nominee.cycle());
            Nominee.Decision decision = nominee.decide(rejected, next, until);
            if (expected.equals("2027-Q4")) {
                assertEquals(Nominee.Decision.EXPIRED, decision, "2027-11-20 is after 2027-11-01");
            } else {
                assertEquals(Nominee.Decision.CARRIED_OVER, decision);
                assertEquals(expected, nominee.cycle().label());
            }
        }
        assertEquals(NomineeStatus.EXPIRED, nominee.status());
        assertThrows(
                Nominee.IllegalTransition.class, () -> nominee.decide(rejected, calendar.next(nominee.cycle()), until));
    }

    @Test
    void the_rules_fifty_percent_plus_one_of_cast_two_thirds_with_veto_and_ties() {
        List<Ballot> twoOfThree =
                List.of(Ballot.of("a", Choice.YES), Ballot.of("b", Choice.YES), Ballot.of("c", Choice.NO));
        assertTrue(VotingRule.majorityOfCast().tally(4, twoOfThree).passed());
        assertTrue(VotingRule.twoThirdsOfCast().tally(4, twoOfThree).passed(), "two thirds reached exactly");
        List<Ballot> tie =
                List.of(Ballot.of("a", Choice.YES), Ballot.of("b", Choice.NO), Ballot.of("c", Choice.CONFLICT));
        assertFalse(VotingRule.majorityOfCast().tally(3, tie).passed(), "a tie is not 50 % + 1");
        List<Ballot> vetoed = List.of(
                Ballot.of("a", Choice.YES),
                Ballot.of("b", Choice.YES),
                Ballot.of("c", Choice.YES),
                new Ballot("sc", Choice.NO, true));
        assertTrue(VotingRule.twoThirdsOfCast().tally(4, vetoed).passed(), "without veto: 3 of 4");
        assertFalse(VotingRule.twoThirdsOfCast().withVeto().tally(4, vetoed).passed(), "the council's no blocks it");
    }
}
