package org.endow.grants.proposals.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Submitting checks the proposal against the policy and the applicant's history, field by field. */
class ApplyingTest {

    final GrantsFixture f = new GrantsFixture();

    @Test
    void over_the_category_cap_is_refused_on_the_amount_field() {
        Map<String, String> errors = refusal(GrantsFixture.sprintApplication(500_001));
        assertTrue(errors.get("amountMinor").contains("over the Sprint cap of 5000.00 USD"), errors.toString());
    }

    @Test
    void a_paused_category_takes_no_proposals() {
        Proposal draft = f.applying.draft(applicant(), GrantsFixture.sprintApplication(100_000));
        f.categories.save(
                GrantsFixture.sprint(VotingRule.atLeastPercentOfMembers(30)).paused(true));
        ProblemException refused = assertThrows(ProblemException.class, () -> f.applying.submit("ada", draft.id()));
        assertTrue(fields(refused).get("categoryCode").contains("paused"));
        assertEquals(State.DRAFT, f.reload(draft).state());
    }

    @Test
    void the_organisation_yearly_cap_counts_its_other_proposals_of_the_year() {
        for (int i = 0; i < 3; i++) {
            f.submitted(GrantsFixture.sprintApplication(
                    "PyLadies Berlin", "Sprint " + i, 450_000, LocalDate.of(2027, 3 + i, 1)));
        }
        // 1,350,000 committed; 200,000 more passes the 1,500,000 cap
        Map<String, String> errors = refusal(
                GrantsFixture.sprintApplication("pyladies berlin", "Sprint 4", 200_000, LocalDate.of(2027, 9, 1)));
        assertTrue(errors.get("amountMinor").contains("yearly cap"), errors.toString());
        // another year is another cap
        assertEquals(
                State.SUBMITTED,
                f.submitted(GrantsFixture.sprintApplication(
                                "PyLadies Berlin", "Sprint 5", 200_000, LocalDate.of(2028, 2, 1)))
                        .state());
    }

    @Test
    void a_yen_grant_does_not_count_against_the_yearly_cap_of_a_dollar_category() {
        f.categories.save(sprintInYen());
        f.submitted(inYen(1_400_000, LocalDate.of(2027, 4, 1))); // JPY 1,400,000: about USD 9,000, not 14,000

        // USD 2,000 more than the organisation's USD 0 committed this year: well within USD 15,000
        assertEquals(
                State.SUBMITTED,
                f.submitted(GrantsFixture.sprintApplication(
                                "PyLadies Berlin", "Sprint", 200_000, LocalDate.of(2027, 6, 1)))
                        .state());
    }

    @Test
    void the_yearly_cap_counts_and_says_amounts_in_the_category_s_currency_and_decimals() {
        f.categories.save(sprintInYen());
        f.submitted(GrantsFixture.sprintApplication("PyLadies Berlin", "Sprint", 400_000, LocalDate.of(2027, 3, 1)));
        f.submitted(inYen(1_400_000, LocalDate.of(2027, 4, 1)));

        Map<String, String> errors = refusal(inYen(1_700_000, LocalDate.of(2027, 9, 1)));

        assertEquals(
                "over the yearly cap of 3000000 JPY per organisation: PyLadies Berlin already has 1400000 JPY for 2027",
                errors.get("amountMinor"));
    }

    @Test
    void the_chairs_are_told_the_amount_asked_in_its_currency_s_decimals() {
        f.categories.save(sprintInYen());
        f.submitted(GrantsFixture.sprintApplication(123_456));
        f.submitted(inYen(1_400_000, LocalDate.of(2027, 4, 1)));

        var texts = f.mails.to("chair@endow.test").stream()
                .map(org.endow.platform.mail.Mail::text)
                .toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("(Sprint in Japan, ¥1,400,000)")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("(Sprint, $1,234.56)")), texts.toString());
    }

    @Test
    void several_problems_come_back_together_each_on_its_field() {
        var application = GrantsFixture.sprintApplication(600_000);
        var broken = new org.endow.grants.proposals.model.Application(
                "",
                "sprint",
                application.title(),
                application.description(),
                null,
                application.startDate(),
                application.startDate().minusDays(1),
                10,
                600_000,
                "EUR",
                application.budgetLines(),
                java.util.List.of(),
                "http://insecure");
        Map<String, String> errors = refusal(broken);
        assertEquals(
                java.util.Set.of("organisation", "endDate", "currency", "amountMinor", "codeOfConductUrl"),
                errors.keySet());
    }

    @Test
    void an_overdue_report_on_an_earlier_grant_blocks_the_next_application() {
        Proposal earlier = awardedAndPaid();
        f.clock.advance(Duration.ofDays(160));
        Map<String, String> errors =
                refusal(GrantsFixture.sprintApplication("Other group", "Other", 100_000, LocalDate.of(2027, 10, 1)));
        assertTrue(errors.get("reports").contains(earlier.application().title()), errors.toString());

        f.paying.submitReport("ada", earlier.id(), 1, "We sprinted; 14 PRs merged.");
        assertEquals(
                State.SUBMITTED,
                f.submitted(GrantsFixture.sprintApplication("Other group", "Other", 100_000, LocalDate.of(2027, 10, 1)))
                        .state());
    }

    @Test
    void an_overdue_report_is_reminded_once() {
        Proposal earlier = awardedAndPaid(); // report due 30 days after 2027-05-12
        f.clock.advance(Duration.ofDays(120));
        assertEquals(0, f.deadlines.run());
        f.clock.advance(Duration.ofDays(40));
        assertEquals(1, f.deadlines.run());
        assertEquals(0, f.deadlines.run(), "reminded once");
        assertEquals(
                1,
                f.mails.to("ada@example.org").stream()
                        .filter(m -> m.subject().endsWith("progress report overdue"))
                        .count());
        assertTrue(f.reload(earlier).milestones().getFirst().remindedAt() != null);
    }

    @Test
    void a_proposal_is_seen_by_its_applicant_and_reviewers_only() {
        Proposal draft = f.applying.draft(applicant(), GrantsFixture.sprintApplication(100_000));
        ViewingProposals viewing = new ViewingProposals(f.proposals, f.members, f.audit);
        var mallory = new org.endow.platform.security.Caller(
                "mallory", "Mallory", "m@example.org", java.util.Set.of(org.endow.platform.security.Roles.APPLICANT));
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> viewing.one(mallory, draft.id()))
                        .status()
                        .getCode());
        assertEquals(draft.id(), viewing.one(f.applicant, draft.id()).id());
        assertEquals(draft.id(), viewing.one(f.chair, draft.id()).id());
        assertThrows(
                org.endow.grants.proposals.model.ProposalConflict.class,
                () -> f.approving.acceptAward("ada", draft.id()),
                "a draft has no award to accept");
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> f.approving.acceptAward("mallory", draft.id()))
                        .status()
                        .getCode());
    }

    @Test
    void required_attachments_are_pdfs_within_the_size_limit_and_needed_to_submit() {
        var withBudget = new org.endow.grants.policy.model.GrantCategory(
                "workshop",
                "Workshop",
                "USD",
                150_000,
                0,
                java.util.List.of("budget"),
                false,
                "general",
                VotingRule.atLeastPercentOfMembers(30),
                10,
                14,
                42,
                null,
                1_500_000,
                false);
        f.categories.save(withBudget);
        var base = GrantsFixture.sprintApplication(100_000);
        var workshop = new org.endow.grants.proposals.model.Application(
                base.organisation(),
                "workshop",
                base.title(),
                base.description(),
                null,
                base.startDate(),
                base.endDate(),
                base.attendees(),
                base.amountMinor(),
                "USD",
                base.budgetLines(),
                java.util.List.of(),
                null);
        Proposal draft = f.applying.draft(applicant(), workshop);
        assertEquals("attach the budget (PDF)", refusalOf(draft).get("attachments"));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0};
        assertEquals(
                "only PDF documents are accepted",
                fields(assertThrows(
                                ProblemException.class,
                                () -> f.applying.attach("ada", draft.id(), "budget", "b.pdf", png)))
                        .get("file"));
        byte[] large = new byte[1_001];
        System.arraycopy("%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, large, 0, 8);
        assertTrue(fields(assertThrows(
                        ProblemException.class, () -> f.applying.attach("ada", draft.id(), "budget", "b.pdf", large)))
                .get("file")
                .contains("at most 1000"));
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> f.applying.attach(
                                        "mallory",
                                        draft.id(),
                                        "budget",
                                        "b.pdf",
                                        "%PDF-1.7 x".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                        .status()
                        .getCode());

        byte[] pdf = "%PDF-1.7\n% a budget\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        f.applying.attach("ada", draft.id(), "budget", "budget.pdf", pdf);
        assertEquals(
                State.SUBMITTED, f.applying.submit("ada", draft.id()).proposal().state());
        assertEquals(pdf.length, f.applying.attachment(f.reload(draft), "budget").length);
        assertThrows(
                org.endow.grants.proposals.model.ProposalConflict.class,
                () -> f.applying.attach("ada", draft.id(), "budget", "budget.pdf", pdf),
                "submitted: no more changes");
    }

    private Map<String, String> refusalOf(Proposal draft) {
        return fields(assertThrows(ProblemException.class, () -> f.applying.submit("ada", draft.id())));
    }

    @Test
    void the_guideline_per_attendee_and_day_warns_without_refusing() {
        // 20 attendees, 3 days, 15.00 each: 900.00
        Proposal draft = f.applying.draft(applicant(), GrantsFixture.sprintApplication(100_000));
        var submission = f.applying.submit("ada", draft.id());
        assertEquals(State.SUBMITTED, submission.proposal().state());
        assertEquals("amountMinor", submission.warnings().getFirst().field());
    }

    @Test
    void someone_else_s_proposal_is_not_found() {
        Proposal draft = f.applying.draft(applicant(), GrantsFixture.sprintApplication(100_000));
        ProblemException e = assertThrows(ProblemException.class, () -> f.applying.submit("mallory", draft.id()));
        assertEquals(404, e.status().getCode());
    }

    Proposal awardedAndPaid() {
        java.util.List<org.endow.platform.security.Caller> m = f.members(2);
        Proposal proposal = f.inVote(GrantsFixture.sprintApplication(300_000));
        f.reviewing.vote(m.get(0), proposal.id(), org.endow.kernel.voting.Choice.YES);
        f.reviewing.vote(m.get(1), proposal.id(), org.endow.kernel.voting.Choice.YES);
        f.reviewing.vote(f.chair, proposal.id(), org.endow.kernel.voting.Choice.YES);
        Proposal reserved = f.reload(proposal);
        reserved.fundsReserved(f.clock.instant());
        f.proposals.update(reserved);
        f.approving.approve("staff", proposal.id());
        f.approving.acceptAward("ada", proposal.id());
        return f.paying.disburse("staff", proposal.id(), 1);
    }

    /** A sprint category granting in yen (no minor unit): JPY 2,000,000 a proposal, JPY 3,000,000 a year. */
    private static org.endow.grants.policy.model.GrantCategory sprintInYen() {
        return new org.endow.grants.policy.model.GrantCategory(
                "sprint-jp",
                "Sprint in Japan",
                "JPY",
                2_000_000,
                0,
                java.util.List.of(),
                false,
                "general",
                VotingRule.atLeastPercentOfMembers(30),
                10,
                10,
                42,
                null,
                3_000_000,
                false);
    }

    private static org.endow.grants.proposals.model.Application inYen(long amountMinor, LocalDate start) {
        var base = GrantsFixture.sprintApplication("PyLadies Berlin", "Tokyo sprint", amountMinor, start);
        return new org.endow.grants.proposals.model.Application(
                base.organisation(),
                "sprint-jp",
                base.title(),
                base.description(),
                base.eventSeries(),
                base.startDate(),
                base.endDate(),
                base.attendees(),
                base.amountMinor(),
                "JPY",
                base.budgetLines(),
                base.milestones(),
                base.codeOfConductUrl());
    }

    private Map<String, String> refusal(org.endow.grants.proposals.model.Application application) {
        Proposal draft = f.applying.draft(applicant(), application);
        return fields(assertThrows(ProblemException.class, () -> f.applying.submit("ada", draft.id())));
    }

    private static Map<String, String> fields(ProblemException e) {
        assertEquals(422, e.status().getCode());
        return e.errors().stream()
                .collect(Collectors.toMap(
                        Problem.FieldError::field, Problem.FieldError::message, (a, b) -> a + "; " + b));
    }

    private static Applicant applicant() {
        return new Applicant("ada", "Ada", "ada@example.org");
    }
}
