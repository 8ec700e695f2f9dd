package org.endow.donations.giving.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationEvent;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.events.EventSamples;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** Producer side of the card events' contracts: what donations writes is exactly each golden sample's payload. */
class CardEventsContractTest {

    static final DonorId ADA = new DonorId("a3d5f7b9-1c2e-4a6b-8d0f-2e4a6c8e0b13");
    static final GiftOptions OPTIONS = GiftOptions.oneTime(new DonorContact("Ada Lovelace", "ada@example.org"));

    static Donation paidGift(long minor, String fund) {
        Donation donation = Donation.awaitingCard(
                new DonationId(UUID.fromString("6f1c2a4e-8b3d-4f7a-9e2c-1d5b7a9c3e21")),
                ADA,
                OPTIONS,
                Money.of(minor, "USD"),
                fund,
                Instant.parse("2026-11-20T14:05:00Z"));
        donation.paidByCard(Instant.parse("2026-11-20T14:06:00Z"), "pi_1");
        return donation;
    }

    @Test
    void a_partial_refund_matches_its_sample() throws Exception {
        Donation donation = paidGift(250_000, "packaging");
        var refunded = donation.refundedInTotal(
                        Money.of(50_000, "USD"), Instant.parse("2026-12-02T16:45:00Z"), "ch_3QexampleRefund")
                .orElseThrow();
        assertMatches(DonationEvents.DONATION_REFUNDED, DonationIntegrationEvents.toContract(refunded));
    }

    @Test
    void a_change_of_recognition_matches_its_sample() throws Exception {
        Donation donation = Donation.awaitingCard(
                new DonationId(UUID.fromString("6f1c2a4e-8b3d-4f7a-9e2c-1d5b7a9c3e21")),
                ADA,
                new GiftOptions(
                        new DonorContact("Ada Lovelace", "ada@example.org"),
                        org.endow.donations.giving.model.Frequency.ONE_TIME,
                        "In honour of Grace Hopper",
                        org.endow.donations.giving.model.Recognition.NONE),
                Money.of(250_000, "USD"),
                "packaging",
                Instant.parse("2026-11-20T14:05:00Z"));
        var changed = donation.changeRecognition(
                        new org.endow.donations.giving.model.Recognition(true, false, "The Lovelace Family"),
                        Instant.parse("2026-12-05T18:20:00Z"))
                .orElseThrow();
        assertMatches(DonationEvents.DONATION_RECOGNITION_CHANGED, DonationIntegrationEvents.toContract(changed));
        assertTrue(
                donation.changeRecognition(
                                new org.endow.donations.giving.model.Recognition(true, false, "The Lovelace Family"),
                                Instant.parse("2026-12-06T18:20:00Z"))
                        .isEmpty(),
                "the same choice again changes nothing");
    }

    @Test
    void a_lost_dispute_matches_its_sample() throws Exception {
        Donation donation = paidGift(250_000, "packaging");
        var disputed = donation.disputed(
                        DisputeStatus.LOST,
                        Money.of(250_000, "USD"),
                        Instant.parse("2027-01-15T10:00:00Z"),
                        "dp_1QexampleDispute")
                .orElseThrow();
        assertMatches(DonationEvents.DONATION_DISPUTED, DonationIntegrationEvents.toContract(disputed));
    }

    @Test
    void a_monthly_gift_starting_and_ending_matches_the_samples() throws Exception {
        RecurringGift gift = RecurringGift.awaitingCard(
                UUID.fromString("5a9e3c71-2d4b-4e8f-9c6a-8b1d3f5e7a46"),
                ADA,
                OPTIONS,
                Money.of(2_500, "USD"),
                "general",
                Instant.parse("2026-11-30T08:00:00Z"));
        var started = gift.start(Instant.parse("2026-12-01T08:00:00Z")).orElseThrow();
        assertMatches(DonationEvents.RECURRING_DONATION_STARTED, DonationIntegrationEvents.toContract(started));
        var cancelled = gift.cancel(Instant.parse("2027-03-01T08:00:00Z"), "cancelled by the donor")
                .orElseThrow();
        assertMatches(DonationEvents.RECURRING_DONATION_CANCELLED, DonationIntegrationEvents.toContract(cancelled));
        assertTrue(gift.cancel(Instant.parse("2027-03-02T08:00:00Z"), "again").isEmpty());
    }

    @Test
    void a_refund_reported_before_its_payment_is_published_after_it_and_duplicates_change_nothing() {
        Donation donation = Donation.awaitingCard(
                DonationId.random(), null, OPTIONS, Money.of(2_000, "USD"), "general", Instant.now());
        assertTrue(donation.refundedInTotal(Money.of(2_000, "USD"), Instant.now(), "ch_1")
                .isEmpty());
        List<DonationEvent> events = donation.paidByCard(Instant.now(), "pi_1");
        assertEquals(3, events.size());
        assertTrue(events.get(2) instanceof DonationEvent.DonationRefunded r
                && r.part().minor() == 2_000);
        assertTrue(donation.paidByCard(Instant.now(), "pi_1").isEmpty());
        assertTrue(donation.refundedInTotal(Money.of(2_000, "USD"), Instant.now(), "ch_1")
                .isEmpty());
        assertEquals("REFUNDED", donation.status().name());
    }

    static void assertMatches(EventType<?> type, Object written) throws Exception {
        try (ObjectMapper.CloseableObjectMapper json = ObjectMapper.create(Map.of(), "org.endow.events")) {
            JsonNode sample = json.readValue(EventSamples.read(type), JsonNode.class);
            assertEquals(type.name(), sample.get("type").getStringValue());
            assertEquals(sample.get("payload"), json.readValue(json.writeValueAsString(written), JsonNode.class));
        }
    }
}
