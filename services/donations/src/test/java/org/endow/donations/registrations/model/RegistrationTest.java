package org.endow.donations.registrations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    static final Instant DEADLINE = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant BEFORE = DEADLINE.minusSeconds(3600);

    final Registration ada =
            Registration.imported("pycon-x", " Ada@Example.org ", "Ada", "regular", eur(12_000), "pi_1");

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    @Test
    void a_partial_donation_splits_the_amount_paid() {
        var answered = ada.answer(Answer.DONATE_PART, eur(4_000), BEFORE, DEADLINE);

        assertTrue(answered.newlyMade());
        assertEquals(eur(4_000), answered.conversion().donated());
        assertEquals(eur(8_000), answered.conversion().refunded());
        assertEquals(BEFORE, ada.answeredAt().orElseThrow());
        assertEquals("ada@example.org", ada.email());
    }

    @Test
    void the_same_answer_again_gives_the_same_result_without_doing_it_twice() {
        var first = ada.answer(Answer.DONATE_PART, eur(4_000), BEFORE, DEADLINE);

        var again = ada.answer(Answer.DONATE_PART, eur(4_000), BEFORE.plusSeconds(5), DEADLINE);

        assertFalse(again.newlyMade());
        assertEquals(first.conversion(), again.conversion());
        assertEquals(BEFORE, ada.answeredAt().orElseThrow());
    }

    @Test
    void the_answer_is_final() {
        ada.answer(Answer.REFUND, null, BEFORE, DEADLINE);

        var e = assertThrows(
                AlreadyAnsweredException.class, () -> ada.answer(Answer.DONATE_ALL, null, BEFORE, DEADLINE));
        assertTrue(e.getMessage().contains("a full refund of 120.00 EUR"), e.getMessage());
        assertThrows(AlreadyAnsweredException.class, () -> ada.answer(Answer.DONATE_PART, eur(1), BEFORE, DEADLINE));
    }

    @Test
    void the_same_answer_after_the_deadline_still_reads_back() {
        ada.answer(Answer.DONATE_ALL, null, BEFORE, DEADLINE);

        var again = ada.answer(Answer.DONATE_ALL, null, DEADLINE.plusSeconds(60), DEADLINE);

        assertFalse(again.newlyMade());
        assertEquals(eur(12_000), again.conversion().donated());
    }

    @Test
    void no_answer_at_or_after_the_deadline() {
        assertThrows(OfferClosedException.class, () -> ada.answer(Answer.REFUND, null, DEADLINE, DEADLINE));
        assertTrue(ada.conversion().isEmpty());
    }

    @Test
    void the_donated_part_is_strictly_between_nothing_and_everything() {
        assertThrows(IllegalArgumentException.class, () -> ada.answer(Answer.DONATE_PART, eur(0), BEFORE, DEADLINE));
        assertThrows(
                IllegalArgumentException.class, () -> ada.answer(Answer.DONATE_PART, eur(12_000), BEFORE, DEADLINE));
        assertThrows(IllegalArgumentException.class, () -> ada.answer(Answer.DONATE_PART, eur(-5), BEFORE, DEADLINE));
        assertThrows(IllegalArgumentException.class, () -> ada.answer(Answer.DONATE_PART, null, BEFORE, DEADLINE));
        assertThrows(
                IllegalArgumentException.class,
                () -> ada.answer(Answer.DONATE_PART, Money.of(100, "USD"), BEFORE, DEADLINE));
        assertThrows(IllegalArgumentException.class, () -> ada.answer(Answer.REFUND, eur(100), BEFORE, DEADLINE));
        assertTrue(ada.conversion().isEmpty());

        assertEquals(
                eur(1),
                ada.answer(Answer.DONATE_PART, eur(1), BEFORE, DEADLINE)
                        .conversion()
                        .donated());
    }

    @Test
    void the_edges_of_the_split_are_one_minor_unit_inside() {
        var upper = Registration.imported("pycon-x", "bob@example.org", "Bob", "regular", eur(12_000), null);

        var answered = upper.answer(Answer.DONATE_PART, eur(11_999), BEFORE, DEADLINE);

        assertEquals(eur(1), answered.conversion().refunded());
    }

    @Test
    void the_default_applies_only_after_the_deadline_and_only_to_those_who_never_answered() {
        var silent = Registration.imported("pycon-x", "cy@example.org", "Cy", "student", eur(3_000), null);

        assertTrue(silent.applyDefault(DefaultAnswer.DONATE, BEFORE, DEADLINE).isEmpty());
        var applied =
                silent.applyDefault(DefaultAnswer.DONATE, DEADLINE, DEADLINE).orElseThrow();
        assertEquals(eur(3_000), applied.donated());
        assertTrue(silent.answeredByDefault());
        assertTrue(silent.applyDefault(DefaultAnswer.REFUND, DEADLINE.plusSeconds(1), DEADLINE)
                .isEmpty());

        ada.answer(Answer.REFUND, null, BEFORE, DEADLINE);
        assertTrue(ada.applyDefault(DefaultAnswer.DONATE, DEADLINE, DEADLINE).isEmpty());
        assertEquals(eur(12_000), ada.conversion().orElseThrow().refunded());
    }

    @Test
    void a_late_answer_after_the_default_says_what_was_applied() {
        ada.applyDefault(DefaultAnswer.REFUND, DEADLINE, DEADLINE);

        var e = assertThrows(
                AlreadyAnsweredException.class, () -> ada.answer(Answer.DONATE_ALL, null, DEADLINE, DEADLINE));
        assertTrue(e.getMessage().contains("applied after the deadline"), e.getMessage());
    }

    @Test
    void the_refund_is_requested_under_one_key_per_registration() {
        assertEquals("registration-refund:pycon-x:ada@example.org", ada.refundIdempotencyKey());
    }
}
