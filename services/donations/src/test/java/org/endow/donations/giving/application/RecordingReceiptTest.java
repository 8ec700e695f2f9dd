package org.endow.donations.giving.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonationStatus;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GivingPolicy;
import org.endow.donations.giving.model.StaffActions;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

class RecordingReceiptTest {

    static final Instant PLEDGED = Instant.parse("2026-11-20T14:05:00Z");
    static final Instant RECEIVED = Instant.parse("2026-11-27T09:30:00Z");

    final InMemoryDonations donations = new InMemoryDonations();
    final InMemoryFundedItems items = new InMemoryFundedItems();
    final RecordingOutbox outbox = new RecordingOutbox();
    final List<String> audit = new ArrayList<>();
    final StaffActions staffActions =
            (actor, action, target, details, at) -> audit.add(actor + " " + action + " " + target);
    final RecordingReceipt receipts =
            new RecordingReceipt(donations, staffActions, outbox, Clock.fixed(RECEIVED, ZoneOffset.UTC));

    DonationId pledge() {
        items.save(new FundedItem("packaging", "Packaging", "PROJECT", 40_000_000, "USD", "OPEN"));
        PledgingDonation pledging = new PledgingDonation(
                donations,
                new GiftChecks(items, new GivingPolicy(Map.of("USD", new GivingPolicy.Limits(100, 10_000_000)))),
                outbox,
                Clock.fixed(PLEDGED, ZoneOffset.UTC));
        return pledging.pledge(PledgeCommand.oneTime(
                        new DonorId("ada"),
                        "Ada",
                        "ada@example.org",
                        250_000,
                        "USD",
                        "packaging",
                        "BANK_TRANSFER",
                        null))
                .donation()
                .id();
    }

    @Test
    void staff_mark_a_pledge_received_audited_and_announced() {
        DonationId id = pledge();

        var donation = receipts.receive("staff-1", id, "BACS 2026-11-27");

        assertEquals(DonationStatus.RECEIVED, donation.status());
        assertEquals(RECEIVED, donation.receivedAt());
        List<DonationReceived> events = outbox.payloads(DonationEvents.DONATION_RECEIVED);
        assertEquals(1, events.size());
        assertEquals(250_000, events.getFirst().amountMinor());
        assertEquals("packaging", events.getFirst().fundCode());
        assertEquals("BACS 2026-11-27", events.getFirst().reference());
        assertEquals(List.of("staff-1 donation.received " + id), audit);
    }

    @Test
    void money_is_never_received_twice() {
        DonationId id = pledge();
        receipts.receive("staff-1", id, null);

        ProblemException again = assertThrows(ProblemException.class, () -> receipts.receive("staff-2", id, null));

        assertEquals(409, again.status().getCode());
        assertEquals(1, outbox.payloads(DonationEvents.DONATION_RECEIVED).size());
        assertEquals(1, audit.size());
    }

    @Test
    void an_unknown_donation_is_not_found() {
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> receipts.receive("staff-1", DonationId.random(), null))
                        .status()
                        .getCode());
    }
}
