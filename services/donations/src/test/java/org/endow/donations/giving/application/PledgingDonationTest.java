package org.endow.donations.giving.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.Frequency;
import org.endow.donations.giving.model.GivingPolicy;
import org.endow.donations.giving.model.Recognition;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

class PledgingDonationTest {

    static final Instant NOW = Instant.parse("2026-11-20T14:05:00Z");
    static final DonorId ADA = new DonorId("ada");

    final InMemoryDonations donations = new InMemoryDonations();
    final InMemoryFundedItems items = new InMemoryFundedItems();
    final RecordingOutbox outbox = new RecordingOutbox();
    final PledgingDonation pledging = new PledgingDonation(
            donations,
            new GiftChecks(items, new GivingPolicy(Map.of("USD", new GivingPolicy.Limits(100, 10_000_000)))),
            outbox,
            Clock.fixed(NOW, ZoneOffset.UTC));

    {
        items.save(new FundedItem("packaging", "Packaging", "PROJECT", 40_000_000, "USD", "OPEN"));
        items.save(new FundedItem("sprint-2019", "Sprint 2019", "EVENT", 5_000_000, "USD", "CLOSED"));
    }

    @Test
    void a_pledge_is_stored_and_announced_once() {
        var result = pledging.pledge(command(250_000, "USD", "packaging", null));

        assertTrue(result.created());
        assertEquals(1, donations.count());
        List<DonationPledged> published = outbox.payloads(DonationEvents.DONATION_PLEDGED);
        assertEquals(1, published.size());
        DonationPledged event = published.getFirst();
        assertEquals(result.donation().id().toString(), event.donationId());
        assertEquals(250_000, event.amountMinor());
        assertEquals("USD", event.currency());
        assertEquals("packaging", event.fundCode());
        assertEquals("BANK_TRANSFER", event.method());
        assertEquals(NOW, event.pledgedAt());
        assertEquals(event.donationId(), outbox.recorded().getFirst().aggregateId());
    }

    @Test
    void the_same_idempotency_key_returns_the_first_pledge_and_publishes_nothing_more() {
        var first = pledging.pledge(command(250_000, "USD", "packaging", "key-1"));
        var again = pledging.pledge(command(250_000, "USD", "packaging", "key-1"));

        assertFalse(again.created());
        assertEquals(first.donation().id(), again.donation().id());
        assertEquals(1, donations.count());
        assertEquals(1, outbox.recorded().size());
    }

    @Test
    void a_retry_after_the_item_closed_still_gets_the_first_pledge() {
        var first = pledging.pledge(command(250_000, "USD", "packaging", "key-2"));
        items.save(new FundedItem("packaging", "Packaging", "PROJECT", 40_000_000, "USD", "CLOSED"));

        var again = pledging.pledge(command(250_000, "USD", "packaging", "key-2"));

        assertFalse(again.created());
        assertEquals(first.donation().id(), again.donation().id());
        assertEquals(1, outbox.recorded().size());
        // a new key to the closed item is refused
        assertField("fundCode", () -> pledging.pledge(command(250_000, "USD", "packaging", "key-3")));
    }

    @Test
    void refuses_amounts_outside_the_policy_naming_the_field() {
        assertField("amountMinor", () -> pledging.pledge(command(99, "USD", "packaging", null)));
        assertField("amountMinor", () -> pledging.pledge(command(10_000_001, "USD", "packaging", null)));
        assertNothingHappened();
    }

    @Test
    void refuses_unknown_or_unaccepted_currencies() {
        assertField("currency", () -> pledging.pledge(command(500, "XYZ", "packaging", null)));
        assertField("currency", () -> pledging.pledge(command(500, "EUR", "packaging", null)));
        assertNothingHappened();
    }

    @Test
    void refuses_unknown_and_closed_items() {
        assertField("fundCode", () -> pledging.pledge(command(500, "USD", "nope", null)));
        assertField("fundCode", () -> pledging.pledge(command(500, "USD", "sprint-2019", null)));
        assertNothingHappened();
    }

    @Test
    void card_gifts_do_not_go_through_pledges() {
        assertField(
                "method",
                () -> pledging.pledge(
                        PledgeCommand.oneTime(ADA, "Ada", "ada@example.org", 500, "USD", "packaging", "CARD", null)));
        assertNothingHappened();
    }

    @Test
    void a_guest_gives_with_the_contact_they_typed_and_their_gift_options() {
        var guest = new PledgeCommand(
                null,
                " Grace Hopper ",
                "grace@example.org",
                5_000,
                "USD",
                "packaging",
                "CHEQUE",
                "MONTHLY",
                "In honour of Ada",
                new PledgeCommand.RecognitionChoice(true, false, "The Hopper family"),
                "guest-key");

        var result = pledging.pledge(guest);
        var again = pledging.pledge(guest);

        var donation = result.donation();
        assertTrue(donation.byGuest());
        assertEquals(
                new DonorContact("Grace Hopper", "grace@example.org"),
                donation.options().contact());
        assertEquals(Frequency.MONTHLY, donation.options().frequency());
        assertEquals("In honour of Ada", donation.options().dedication());
        assertEquals(
                new Recognition(true, false, "The Hopper family"),
                donation.options().recognition());
        assertFalse(donation.belongsTo(ADA));
        assertEquals(donation.id(), again.donation().id());
        assertEquals(1, donations.count());
        assertNull(outbox.payloads(DonationEvents.DONATION_PLEDGED).getFirst().donorId());
    }

    @Test
    void a_gift_without_a_usable_contact_or_frequency_is_refused_naming_the_field() {
        assertField(
                "donorEmail",
                () -> pledging.pledge(
                        PledgeCommand.oneTime(null, "Grace", "not-an-email", 500, "USD", "packaging", "CHEQUE", null)));
        assertField(
                "donorName",
                () -> pledging.pledge(
                        PledgeCommand.oneTime(null, " ", "g@example.org", 500, "USD", "packaging", "CHEQUE", null)));
        assertField(
                "frequency",
                () -> pledging.pledge(new PledgeCommand(
                        ADA, "Ada", "ada@example.org", 500, "USD", "packaging", "CHEQUE", "WEEKLY", null, null, null)));
        assertNothingHappened();
    }

    @Test
    void without_consent_a_recognition_keeps_no_name_and_is_not_anonymous() {
        assertEquals(Recognition.NONE, new Recognition(false, true, "Someone"));
    }

    private static PledgeCommand command(long amount, String currency, String fund, String key) {
        return PledgeCommand.oneTime(ADA, "Ada", "ada@example.org", amount, currency, fund, "BANK_TRANSFER", key);
    }

    private static void assertField(String field, Runnable action) {
        ProblemException problem = assertThrows(ProblemException.class, action::run);
        assertEquals(422, problem.status().getCode());
        assertEquals(field, problem.errors().getFirst().field());
    }

    private void assertNothingHappened() {
        assertEquals(0, donations.count());
        assertTrue(outbox.recorded().isEmpty());
    }
}
