package org.endow.donations.giving.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** A card dispute on a gift: while open nothing is refunded; a lost one takes its amount back from the gift. */
class DonationDisputeTest {

    static final Instant T = Instant.parse("2026-11-20T14:05:00Z");

    static Donation paid(long minor) {
        Donation donation = Donation.awaitingCard(
                new DonationId(UUID.randomUUID()),
                new DonorId("ada"),
                GiftOptions.oneTime(new DonorContact("Ada", "ada@example.org")),
                Money.of(minor, "USD"),
                "general",
                T);
        donation.paidByCard(T.plusSeconds(60), "pi_1");
        return donation;
    }

    @Test
    void a_lost_dispute_takes_its_amount_back_and_leaves_nothing_to_refund() {
        Donation donation = paid(50_000);
        donation.disputed(DisputeStatus.OPEN, Money.of(50_000, "USD"), T.plusSeconds(120), "dp_1");
        IllegalStateException open =
                assertThrows(IllegalStateException.class, () -> donation.checkRefundable(Money.of(100, "USD")));
        assertTrue(open.getMessage().contains("disputed"), open.getMessage());

        donation.disputed(DisputeStatus.LOST, Money.of(50_000, "USD"), T.plusSeconds(180), "dp_1");

        assertEquals(Money.of(50_000, "USD"), donation.chargedBack());
        assertEquals(Money.of(50_000, "USD"), donation.returned());
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> donation.checkRefundable(Money.of(100, "USD")));
        assertTrue(none.getMessage().contains("taken back by a lost dispute"), none.getMessage());
    }

    @Test
    void a_lost_dispute_never_takes_back_more_than_is_left_after_refunds_and_a_won_one_takes_nothing() {
        Donation refundedFirst = paid(50_000);
        refundedFirst.refund(Money.of(20_000, "USD"), T.plusSeconds(90), "re_1");
        var lost = refundedFirst
                .disputed(DisputeStatus.LOST, Money.of(50_000, "USD"), T.plusSeconds(180), "dp_2")
                .orElseThrow();
        assertEquals(Money.of(30_000, "USD"), refundedFirst.chargedBack());
        assertEquals(Money.of(30_000, "USD"), lost.disputed(), "the ledger takes out what was taken back, not 50,000");
        assertEquals(Money.of(50_000, "USD"), refundedFirst.returned());

        Donation won = paid(50_000);
        won.disputed(DisputeStatus.OPEN, Money.of(50_000, "USD"), T.plusSeconds(120), "dp_3");
        won.disputed(DisputeStatus.WON, Money.of(50_000, "USD"), T.plusSeconds(180), "dp_3");
        assertEquals(Money.zero("USD"), won.chargedBack());
        won.checkRefundable(Money.of(50_000, "USD"));
    }

    @Test
    void a_refund_reported_after_a_lost_dispute_ends_as_if_reported_first() {
        // in order: 200.00 refunded, then a dispute of the whole 500.00 lost: the bank takes back the 300.00 left
        Donation inOrder = paid(50_000);
        var refundFirst = inOrder.refundedInTotal(Money.of(20_000, "USD"), T.plusSeconds(90), "ch_1")
                .orElseThrow();
        var lostSecond = inOrder.disputed(DisputeStatus.LOST, Money.of(50_000, "USD"), T.plusSeconds(180), "dp_1")
                .orElseThrow();
        assertEquals(Money.of(50_000, "USD"), refundFirst.part().plus(lostSecond.disputed()));

        // Stripe delivers the dispute's closing first: it takes back the whole gift, then the refund arrives
        Donation outOfOrder = paid(50_000);
        var lostFirst = outOfOrder
                .disputed(DisputeStatus.LOST, Money.of(50_000, "USD"), T.plusSeconds(180), "dp_1")
                .orElseThrow();
        assertEquals(Money.of(50_000, "USD"), lostFirst.disputed());
        assertTrue(
                outOfOrder
                        .refundedInTotal(Money.of(20_000, "USD"), T.plusSeconds(200), "ch_1")
                        .isEmpty(),
                "all of the refunded money had already left the ledger with the dispute");

        assertEquals(inOrder.refunded(), outOfOrder.refunded());
        assertEquals(inOrder.chargedBack(), outOfOrder.chargedBack());
        assertEquals(Money.of(30_000, "USD"), outOfOrder.chargedBack());
        assertEquals(inOrder.status(), outOfOrder.status());
        assertTrue(outOfOrder
                .refundedInTotal(Money.of(20_000, "USD"), T.plusSeconds(300), "ch_1")
                .isEmpty());
        assertEquals(Money.of(30_000, "USD"), outOfOrder.chargedBack(), "a duplicate changes nothing");
    }

    @Test
    void a_refund_reported_after_a_smaller_lost_dispute_gives_back_only_what_the_dispute_left() {
        // in order: 200.00 refunded, then a dispute of 400.00 lost: 300.00 was left, 300.00 taken back
        Donation inOrder = paid(50_000);
        var refundFirst = inOrder.refundedInTotal(Money.of(20_000, "USD"), T.plusSeconds(90), "ch_1")
                .orElseThrow();
        var lostSecond = inOrder.disputed(DisputeStatus.LOST, Money.of(40_000, "USD"), T.plusSeconds(180), "dp_1")
                .orElseThrow();

        // out of order: the 400.00 are taken back first (100.00 still held), then the 200.00 refund: 100.00 leaves
        Donation outOfOrder = paid(50_000);
        var lostFirst = outOfOrder
                .disputed(DisputeStatus.LOST, Money.of(40_000, "USD"), T.plusSeconds(180), "dp_1")
                .orElseThrow();
        var refundSecond = outOfOrder
                .refundedInTotal(Money.of(20_000, "USD"), T.plusSeconds(200), "ch_1")
                .orElseThrow();
        assertEquals(Money.of(10_000, "USD"), refundSecond.part());
        assertEquals(
                refundFirst.part().plus(lostSecond.disputed()),
                lostFirst.disputed().plus(refundSecond.part()),
                "the ledger takes out the same in either order");
        assertEquals(inOrder.refunded(), outOfOrder.refunded());
        assertEquals(inOrder.chargedBack(), outOfOrder.chargedBack());
        assertEquals(Money.of(50_000, "USD"), outOfOrder.returned());
    }
}
