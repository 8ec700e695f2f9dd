package org.endow.donations.unmatched.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.endow.donations.giving.model.DisputeStatus;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

class UnmatchedStripeEventTest {

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    static UnmatchedStripeEvent refund() {
        return new UnmatchedStripeEvent(
                "evt_1",
                "charge.refunded",
                UnmatchedStripeEvent.Kind.REFUND,
                "pi_1",
                "ch_1",
                null,
                Money.of(5_000, "EUR"),
                Money.of(0, "EUR"),
                Money.of(5_000, "EUR"),
                Money.of(5_000, "EUR"),
                null,
                null,
                AT,
                AT,
                List.of(new TicketHolder("gala", "ivy@example.org")),
                Optional.empty());
    }

    @Test
    void it_is_explained_once_with_a_note() {
        UnmatchedStripeEvent explained = refund().explainedBy("staff-1", "  refunded in the dashboard  ", AT);
        assertEquals(
                new UnmatchedStripeEvent.Explanation("staff-1", AT, "refunded in the dashboard"),
                explained.explanation().orElseThrow());
        IllegalStateException again =
                assertThrows(IllegalStateException.class, () -> explained.explainedBy("staff-2", "again", AT));
        assertTrue(again.getMessage().contains("staff-1"), again.getMessage());
    }

    @Test
    void a_blank_or_too_long_note_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> refund().explainedBy("staff-1", " ", AT));
        assertThrows(IllegalArgumentException.class, () -> refund().explainedBy("staff-1", null, AT));
        assertThrows(
                IllegalArgumentException.class,
                () -> refund().explainedBy("staff-1", "x".repeat(UnmatchedStripeEvent.MAX_NOTE + 1), AT));
    }

    @Test
    void only_a_dispute_has_a_dispute_status_and_it_names_its_event() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UnmatchedStripeEvent(
                        "evt_2",
                        "charge.refunded",
                        UnmatchedStripeEvent.Kind.REFUND,
                        "pi_1",
                        "ch_1",
                        null,
                        Money.of(1, "EUR"),
                        null,
                        Money.of(1, "EUR"),
                        Money.of(1, "EUR"),
                        DisputeStatus.LOST,
                        null,
                        AT,
                        AT,
                        List.of(),
                        Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UnmatchedStripeEvent(
                        "evt_3",
                        "charge.dispute.created",
                        UnmatchedStripeEvent.Kind.DISPUTE,
                        "pi_1",
                        null,
                        "dp_1",
                        Money.of(1, "EUR"),
                        null,
                        null,
                        Money.of(1, "EUR"),
                        null,
                        null,
                        AT,
                        AT,
                        List.of(),
                        Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UnmatchedStripeEvent(
                        "evt_4",
                        "charge.dispute.closed",
                        UnmatchedStripeEvent.Kind.DISPUTE,
                        "pi_1",
                        null,
                        "dp_1",
                        Money.of(1, "EUR"),
                        Money.of(1, "EUR"),
                        null,
                        Money.of(0, "EUR"),
                        DisputeStatus.WON,
                        null,
                        AT,
                        AT,
                        List.of(),
                        Optional.empty()),
                "only a refund has a part refunded by Endow");
        assertEquals(Optional.of("gala"), refund().ticketedEventCode());
    }

    static UnmatchedStripeEvent refund(Money refundedOutside, Money newlyTaken) {
        return new UnmatchedStripeEvent(
                "evt_5",
                "charge.refunded",
                UnmatchedStripeEvent.Kind.REFUND,
                "pi_1",
                "ch_1",
                null,
                Money.of(8_000, "EUR"),
                Money.of(5_000, "EUR"),
                refundedOutside,
                newlyTaken,
                null,
                null,
                AT,
                AT,
                List.of(),
                Optional.empty());
    }

    @Test
    void a_refund_says_what_was_refunded_outside_endow_and_reports_at_most_that_as_new() {
        assertEquals(
                Money.of(1_000, "EUR"),
                refund(Money.of(3_000, "EUR"), Money.of(1_000, "EUR")).newlyTaken());
        assertThrows(IllegalArgumentException.class, () -> refund(null, Money.of(0, "EUR")));
        assertThrows(
                IllegalArgumentException.class,
                () -> refund(Money.of(3_000, "EUR"), Money.of(3_001, "EUR")),
                "no more newly taken back than refunded outside Endow");
        assertThrows(
                IllegalArgumentException.class,
                () -> refund(Money.of(8_001, "EUR"), Money.of(0, "EUR")),
                "no more refunded outside Endow than refunded");
        assertThrows(IllegalArgumentException.class, () -> refund(Money.of(3_000, "EUR"), Money.of(-1, "EUR")));
        assertThrows(IllegalArgumentException.class, () -> refund(Money.of(3_000, "USD"), Money.of(0, "USD")));
    }
}
