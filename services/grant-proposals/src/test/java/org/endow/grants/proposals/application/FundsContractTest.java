package org.endow.grants.proposals.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.endow.events.EventEnvelope;
import org.endow.events.EventSamples;
import org.endow.events.EventType;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundsReserved;
import org.endow.events.funds.v1.FundsUnavailable;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.ProposalConflict;
import org.endow.grants.proposals.model.State;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the grant-approval saga's contracts, on the golden samples: what this service writes
 * ({@code GrantApprovalRequested}, {@code GrantDisbursed}) and what it reads ({@code FundsReserved},
 * {@code FundsUnavailable}); approval is refused while the item lacks the money.
 */
class FundsContractTest {

    static final String GRANT = "2a6e9d14-7c3b-4f5e-8a1d-0b9c2e4f6a71";
    static final ObjectMapper JSON = ObjectMapper.getDefault();

    final GrantsFixture f = new GrantsFixture();
    final RecordingReservation reserved = new RecordingReservation(f.proposals, f.notify, f.clock);
    final RecordingUnavailableFunds unavailable = new RecordingUnavailableFunds(f.proposals, f.notify, f.clock);

    @Test
    void approval_is_requested_exactly_as_the_sample_says() throws IOException {
        Proposal proposal = passed();
        assertEquals(
                samplePayload(GrantEvents.GRANT_APPROVAL_REQUESTED),
                tree(GrantIntegrationEvents.approvalRequested(proposal, Instant.parse("2026-12-01T16:00:00Z"))));
    }

    @Test
    void approval_is_refused_when_the_item_lacks_the_funds_and_staff_see_why() throws IOException {
        f.proposals.add(passed());
        unavailable.handle(sample(FundEvents.FUNDS_UNAVAILABLE, FundsUnavailable.class));

        Proposal proposal = f.proposals.find(GRANT).orElseThrow();
        assertEquals(State.FUNDS_UNAVAILABLE, proposal.state());
        assertEquals(350_000L, proposal.availableMinor());
        ProposalConflict refused = assertThrows(ProposalConflict.class, () -> f.approving.approve("staff", GRANT));
        assertTrue(refused.getMessage().contains("only 3500.00 USD of 8000.00 USD is available"), refused.getMessage());
        assertTrue(refused.getMessage().contains("available: 3500.00 USD"), refused.getMessage());
        assertEquals(1, f.mails.to("grants@endow.test").size());

        // money came in: staff ask again
        f.approving.requestFundsAgain("staff", GRANT);
        assertEquals(1, f.outbox.payloads(GrantEvents.GRANT_APPROVAL_REQUESTED).size());
    }

    @Test
    void reserved_funds_allow_approval_and_each_payment_is_published_as_the_sample_says() throws IOException {
        f.proposals.add(passed());
        reserved.handle(sample(FundEvents.FUNDS_RESERVED, FundsReserved.class));
        reserved.handle(sample(FundEvents.FUNDS_RESERVED, FundsReserved.class)); // redelivered: no effect
        assertEquals(State.FUNDS_RESERVED, f.proposals.find(GRANT).orElseThrow().state());

        f.approving.approve("staff", GRANT);
        assertEquals(
                "application/pdf",
                f.mails.to("ada@example.org").getLast().attachments().getFirst().contentType());
        assertThrows(ProposalConflict.class, () -> f.paying.disburse("staff", GRANT, 1), "not accepted yet");
        f.approving.acceptAward("ada", GRANT);

        f.clock.set(Instant.parse("2027-01-15T10:30:00Z"));
        f.paying.disburse("staff", GRANT, 1);
        assertEquals(
                samplePayload(GrantEvents.GRANT_DISBURSED),
                tree(f.outbox.payloads(GrantEvents.GRANT_DISBURSED).getFirst()));

        ProposalConflict early = assertThrows(ProposalConflict.class, () -> f.paying.disburse("staff", GRANT, 2));
        assertTrue(early.getMessage().contains("report on milestone 1"), early.getMessage());
        f.paying.submitReport("ada", GRANT, 1, "Venue booked, 12 travel grants paid.");
        assertThrows(ProposalConflict.class, () -> f.paying.disburse("staff", GRANT, 2), "report not accepted yet");
        f.paying.acceptReport("staff", GRANT, 1);
        Proposal paid = f.paying.disburse("staff", GRANT, 2);
        assertEquals(Milestone.Payment.DISBURSED, paid.milestones().get(1).payment());
        assertTrue(
                paid.history().getLast().note().equals("USD 4,000.00"),
                paid.history().getLast().note());
        ProposalConflict allPaid =
                assertThrows(ProposalConflict.class, () -> f.approving.withdraw("staff", GRANT, "too late"));
        assertTrue(allPaid.getMessage().contains("nothing is left to withdraw"), allPaid.getMessage());
        f.paying.submitReport("ada", GRANT, 2, "Final report.");
        assertEquals(State.COMPLETED, f.paying.acceptReport("staff", GRANT, 2).state());
    }

    @Test
    void staff_withdraw_an_active_grant_after_a_paid_milestone_and_the_funds_are_asked_to_release_it()
            throws IOException {
        f.proposals.add(passed());
        reserved.handle(sample(FundEvents.FUNDS_RESERVED, FundsReserved.class));
        f.approving.approve("staff", GRANT);
        f.approving.acceptAward("ada", GRANT);
        f.clock.set(Instant.parse("2027-01-15T10:30:00Z"));
        f.paying.disburse("staff", GRANT, 1);

        assertThrows(ProblemException.class, () -> f.approving.withdraw("staff", GRANT, " "), "a reason is required");
        Proposal withdrawn = f.approving.withdraw("staff", GRANT, "the sprint was cancelled");

        assertEquals(State.WITHDRAWN, withdrawn.state());
        assertEquals(1, f.outbox.payloads(GrantEvents.GRANT_WITHDRAWN).size());
        assertEquals(
                "the sprint was cancelled",
                f.outbox.payloads(GrantEvents.GRANT_WITHDRAWN).getFirst().reason());
        assertTrue(f.mails.to("ada@example.org").getLast().text().contains("no further milestone will be paid"));
        assertThrows(ProposalConflict.class, () -> f.paying.disburse("staff", GRANT, 2), "nothing more is paid");
        assertThrows(
                ProposalConflict.class,
                () -> f.approving.withdraw("staff", GRANT, "again"),
                "a withdrawn grant is final");
        assertTrue(!withdrawn.state().commitsMoney(), "no longer counts against the organisation's cap");
    }

    /** A sprint proposal of 8,000 in two milestones that the working group has passed. */
    private Proposal passed() {
        var category = GrantsFixture.sprint(VotingRule.atLeastPercentOfMembers(30));
        Application application = new Application(
                "Core developers",
                "sprint",
                "Core sprint 2027",
                "A week of sprinting.",
                "Core sprint",
                LocalDate.of(2027, 1, 10),
                LocalDate.of(2027, 1, 16),
                30,
                800_000,
                "USD",
                List.of(),
                List.of(
                        new Application.MilestonePlan("Venue and travel", 400_000, LocalDate.of(2027, 1, 10)),
                        new Application.MilestonePlan("Remaining travel", 400_000, LocalDate.of(2027, 1, 16))),
                null);
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return Proposal.restore(new Proposal.Data(
                GRANT,
                new Applicant("ada", "Ada", "ada@example.org"),
                at,
                application,
                State.FUNDS_REQUESTED,
                category,
                at,
                at,
                null,
                List.of("chair"),
                List.of(),
                List.of(),
                List.of(),
                "passed",
                null,
                null,
                List.of(),
                null,
                null,
                List.of()));
    }

    @SuppressWarnings("unchecked") // the envelope is read with the payload type given
    private static <T> EventEnvelope<T> sample(EventType<T> type, Class<T> payload) throws IOException {
        return JSON.readValue(EventSamples.read(type), Argument.of(EventEnvelope.class, payload));
    }

    private static JsonNode samplePayload(EventType<?> type) throws IOException {
        return JSON.readValue(EventSamples.read(type), JsonNode.class).get("payload");
    }

    private static JsonNode tree(Object payload) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(payload), JsonNode.class);
    }
}
