package org.endow.grants.proposals.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.ProposalConflict;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Caller;
import org.junit.jupiter.api.Test;

/** The review process around the vote: completeness, auto-close, the fast track, the policy copy. */
class ProcessTest {

    final GrantsFixture f = new GrantsFixture();

    @Test
    void more_information_then_resubmission_then_discussion() {
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(300_000));
        f.reviewing.requestMoreInformation(f.chair, proposal.id(), "Please add the venue.");
        assertEquals(
                1,
                f.mails.to("ada@example.org").stream()
                        .filter(m -> m.text().contains("Please add the venue."))
                        .count());

        f.applying.edit("ada", proposal.id(), GrantsFixture.sprintApplication(280_000));
        f.applying.submit("ada", proposal.id());
        assertEquals(State.SUBMITTED, f.reload(proposal).state());

        Proposal complete = f.reviewing.acceptAsComplete(f.chair, proposal.id());
        assertEquals(State.DISCUSSION, complete.state());
        assertTrue(f.auditEntries.stream().anyMatch(e -> e.action().equals("asked for more information")));
    }

    @Test
    void without_an_answer_the_proposal_closes_after_the_configured_wait() {
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(300_000));
        f.reviewing.requestMoreInformation(f.chair, proposal.id(), "Please add the venue.");

        f.clock.advance(Duration.ofDays(41));
        assertEquals(0, f.deadlines.run());
        assertEquals(State.MORE_INFO_REQUESTED, f.reload(proposal).state());

        f.clock.advance(Duration.ofDays(1));
        assertEquals(1, f.deadlines.run());
        assertEquals(State.CLOSED, f.reload(proposal).state());
        assertThrows(ProposalConflict.class, () -> f.applying.submit("ada", proposal.id()));
    }

    @Test
    void the_discussion_window_ends_in_a_vote() {
        f.members(2);
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(300_000));
        f.reviewing.acceptAsComplete(f.chair, proposal.id()); // on a Monday
        f.clock.advance(Duration.ofDays(13)); // the second Sunday: 9 business days
        f.deadlines.run();
        assertEquals(State.DISCUSSION, f.reload(proposal).state(), "weekends do not count");
        f.clock.advance(Duration.ofDays(1)); // 10 business days
        f.deadlines.run();
        Proposal voting = f.reload(proposal);
        assertEquals(State.VOTING, voting.state());
        assertEquals(3, voting.electorate().size());
    }

    @Test
    void a_proposal_undecided_after_eight_weeks_is_flagged_to_staff_once() {
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(300_000));
        f.reviewing.requestMoreInformation(f.chair, proposal.id(), "Please add the venue.");
        f.clock.advance(Duration.ofDays(40));
        f.applying.submit("ada", proposal.id()); // resubmitted: the 8 weeks still run from the first submission
        f.clock.advance(Duration.ofDays(17));

        f.deadlines.run();
        f.deadlines.run();

        assertEquals(
                1,
                f.reload(proposal).history().stream()
                        .filter(s -> s.action().equals("over 8 weeks"))
                        .count());
        String note = f.reload(proposal).history().stream()
                .filter(s -> s.action().equals("over 8 weeks"))
                .findFirst()
                .orElseThrow()
                .note();
        assertTrue(note.contains(" and still awaiting review: the charter decides within 8 weeks"), note);
    }

    @Test
    void only_the_chair_or_staff_check_completeness() {
        List<Caller> m = f.members(1);
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(300_000));
        assertThrows(ProblemException.class, () -> f.reviewing.acceptAsComplete(m.getFirst(), proposal.id()));
        assertEquals(
                State.DISCUSSION,
                f.reviewing.acceptAsComplete(f.staff, proposal.id()).state());
    }

    @Test
    void a_repeat_event_on_the_fast_track_passes_when_nobody_objects_within_a_week() {
        f.members(2);
        fundedBefore(2024, 2025, 2026);
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(
                "PyLadies Berlin", "Berlin sprint", 215_000, LocalDate.of(2027, 5, 10)));

        assertEquals(
                State.FAST_TRACK, f.reviewing.fastTrack(f.chair, proposal.id()).state());
        f.clock.advance(Duration.ofDays(6));
        f.deadlines.run();
        assertEquals(State.FAST_TRACK, f.reload(proposal).state());
        f.clock.advance(Duration.ofDays(1));
        f.deadlines.run();

        assertEquals(State.FUNDS_REQUESTED, f.reload(proposal).state());
        assertEquals(
                proposal.id(),
                f.outbox
                        .payloads(GrantEvents.GRANT_APPROVAL_REQUESTED)
                        .getLast()
                        .grantId());
    }

    @Test
    void an_objection_sends_a_fast_tracked_proposal_to_discussion_and_a_vote() {
        List<Caller> m = f.members(2);
        fundedBefore(2024, 2025, 2026);
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(
                "PyLadies Berlin", "Berlin sprint", 215_000, LocalDate.of(2027, 5, 10)));
        f.reviewing.fastTrack(f.chair, proposal.id());
        int asked = f.outbox.payloads(GrantEvents.GRANT_APPROVAL_REQUESTED).size();

        f.clock.advance(Duration.ofDays(3));
        assertEquals(
                State.DISCUSSION,
                f.reviewing.object(m.getFirst(), proposal.id(), "new venue").state());
        f.clock.advance(Duration.ofDays(7));
        f.deadlines.run();

        assertEquals(State.DISCUSSION, f.reload(proposal).state());
        assertEquals(
                asked, f.outbox.payloads(GrantEvents.GRANT_APPROVAL_REQUESTED).size());
    }

    @Test
    void the_fast_track_is_refused_when_asking_more_than_ten_percent_above_last_year() {
        fundedBefore(2024, 2025, 2026); // 200,000 each year
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(
                "PyLadies Berlin", "Berlin sprint", 230_000, LocalDate.of(2027, 5, 10)));
        ProposalConflict refused =
                assertThrows(ProposalConflict.class, () -> f.reviewing.fastTrack(f.chair, proposal.id()));
        assertTrue(refused.getMessage().contains("10 %"), refused.getMessage());
    }

    @Test
    void an_objection_at_the_deadline_itself_is_too_late_as_the_resolution_has_passed() {
        List<Caller> m = f.members(2);
        fundedBefore(2024, 2025, 2026);
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(
                "PyLadies Berlin", "Berlin sprint", 215_000, LocalDate.of(2027, 5, 10)));
        f.reviewing.fastTrack(f.chair, proposal.id());
        f.clock.advance(Duration.ofDays(7)); // exactly the deadline

        assertThrows(ProposalConflict.class, () -> f.reviewing.object(m.getFirst(), proposal.id(), "too late"));
        f.deadlines.run();
        assertEquals(State.FUNDS_REQUESTED, f.reload(proposal).state());
    }

    @Test
    void awards_in_another_currency_do_not_count_as_last_years_funding_for_the_fast_track() {
        fundedBefore(2024, 2025);
        fundedBeforeIn("JPY", 30_000_000, 2026); // a yen award in 2026, none in dollars
        Proposal proposal = f.submitted(GrantsFixture.sprintApplication(
                "PyLadies Berlin", "Berlin sprint", 215_000, LocalDate.of(2027, 5, 10)));

        ProposalConflict refused =
                assertThrows(ProposalConflict.class, () -> f.reviewing.fastTrack(f.chair, proposal.id()));
        assertTrue(refused.getMessage().contains("not funded in 2026"), refused.getMessage());
    }

    @Test
    void a_changed_policy_never_changes_a_decision_already_taken_nor_a_vote_under_way() {
        java.util.List<Caller> m = f.members(9);
        Proposal decided = f.inVote(GrantsFixture.sprintApplication(300_000));
        Proposal running =
                f.inVote(GrantsFixture.sprintApplication("Other org", "Other", 100_000, LocalDate.of(2027, 6, 1)));
        for (int i = 0; i < 3; i++) {
            f.reviewing.vote(m.get(i), decided.id(), Choice.YES);
            f.reviewing.vote(m.get(i), running.id(), Choice.YES);
        }
        for (int i = 3; i < 9; i++) {
            f.reviewing.vote(m.get(i), decided.id(), Choice.NO);
        }
        f.reviewing.vote(f.chair, decided.id(), Choice.NO);
        assertEquals(State.FUNDS_REQUESTED, f.reload(decided).state());

        // staff now want two thirds of the votes cast and pause the category
        f.categories.save(GrantsFixture.sprint(VotingRule.twoThirdsOfCast()).paused(true));

        assertEquals(State.FUNDS_REQUESTED, f.reload(decided).state());
        assertEquals(30, f.reload(decided).policy().votingRule().numerator());
        for (int i = 3; i < 9; i++) {
            f.reviewing.vote(m.get(i), running.id(), Choice.NO);
        }
        var result = f.reviewing.vote(f.chair, running.id(), Choice.NO);
        assertEquals(
                State.FUNDS_REQUESTED, result.proposal().state(), "counted under the 30 % rule it was opened under");
    }

    /** Awards of 200,000 for the Berlin sprint in the given years. */
    private void fundedBefore(int... years) {
        fundedBeforeIn("USD", 200_000, years);
    }

    private void fundedBeforeIn(String currency, long amountMinor, int... years) {
        for (int year : years) {
            Application usd = GrantsFixture.sprintApplication(
                    "PyLadies Berlin", "Berlin sprint", amountMinor, LocalDate.of(year, 5, 10));
            Application application = new Application(
                    usd.organisation(),
                    usd.categoryCode(),
                    usd.title(),
                    usd.description(),
                    usd.eventSeries(),
                    usd.startDate(),
                    usd.endDate(),
                    usd.attendees(),
                    usd.amountMinor(),
                    currency,
                    usd.budgetLines(),
                    usd.milestones(),
                    usd.codeOfConductUrl());
            Proposal earlier = Proposal.draft(
                    "earlier-" + currency + "-" + year,
                    new Applicant("ada", "Ada", "ada@example.org"),
                    application,
                    Instant.parse(year + "-01-01T00:00:00Z"));
            Proposal.Data d = earlier.data();
            f.proposals.add(Proposal.restore(new Proposal.Data(
                    d.id(),
                    d.applicant(),
                    d.createdAt(),
                    d.application(),
                    State.COMPLETED,
                    GrantsFixture.sprint(VotingRule.atLeastPercentOfMembers(30)),
                    d.createdAt(),
                    d.createdAt(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    d.history(),
                    "passed",
                    null,
                    null,
                    List.of(),
                    d.createdAt(),
                    d.createdAt(),
                    List.of())));
        }
    }
}
