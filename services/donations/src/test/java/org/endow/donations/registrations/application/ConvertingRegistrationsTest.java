package org.endow.donations.registrations.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.endow.donations.registrations.application.AnsweringOffer.AnswerCommand;
import org.endow.donations.registrations.model.Answer;
import org.endow.donations.registrations.model.BankRefund;
import org.endow.donations.registrations.model.DefaultAnswer;
import org.endow.donations.registrations.model.Registration;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.testing.MovableClock;
import org.endow.platform.testing.RecordingMailOutbox;
import org.junit.jupiter.api.Test;

class ConvertingRegistrationsTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-12-01T00:00:00Z");
    static final String CSV = "email,name,ticket_type,amount_paid,payment_intent_id\n"
            + "ada@example.org,Ada,regular,120.00,pi_ada\n"
            + "bob@example.org,Bob,student,30.00,\n";

    /** @param refundedOnCard what the answer refunded on the card payment the gift is linked to */
    record Gift(String email, Money donated, Money refundedOnCard, String fund) {}

    record RefundCall(String email, Money amount, String key) {}

    final MovableClock clock = new MovableClock(NOW);
    final InMemoryTicketedEvents events = new InMemoryTicketedEvents();
    final InMemoryRegistrations registrations = new InMemoryRegistrations();
    final RecordingMailOutbox mails = new RecordingMailOutbox();
    final List<String> audit = new ArrayList<>();
    final List<Gift> gifts = new ArrayList<>();
    final List<RefundCall> refunds = new ArrayList<>();
    String refundFailsFor;
    /** What the provider says of each registrant's card payment after the answer's refund (none: not asked). */
    final Map<String, RefundingPayments.CardPayment> cardPayments = new HashMap<>();

    final Settling settling = new Settling(
            registrations,
            new RefundingPayments() {
                @Override
                public Refund refund(Registration registration, Money amount) {
                    if (registration.email().equals(refundFailsFor)) {
                        throw new IllegalStateException("the provider failed");
                    }
                    refunds.add(new RefundCall(registration.email(), amount, registration.refundIdempotencyKey()));
                    return registration.paymentIntentId().isPresent()
                            ? new Refund(Way.ON_CARD, "re_" + refunds.size())
                            : new Refund(Way.DUE_BY_BANK, null);
                }

                @Override
                public Optional<CardPayment> cardPayment(Registration registration) {
                    return Optional.ofNullable(cardPayments.get(registration.email()));
                }
            },
            (registration, donated, refundedOnCard, fund, at) -> {
                gifts.add(new Gift(registration.email(), donated, refundedOnCard, fund));
                return "donation-" + gifts.size();
            },
            mails);
    final ManagingEvents managing =
            new ManagingEvents(events, registrations, (a, action, t, d, at) -> audit.add(action), clock);
    final CancellingEvent cancelling = new CancellingEvent(
            events,
            registrations,
            mails,
            new OfferLinks("https://endow.test/"),
            (a, action, t, d, at) -> audit.add(action),
            clock);
    final AnsweringOffer answering = new AnsweringOffer(registrations, events, settling, clock);
    final ApplyingDefaults defaults = new ApplyingDefaults(new ApplyingDefault(events, registrations, settling), clock);
    final FollowingConversion following =
            new FollowingConversion(events, registrations, mails, (a, action, t, d, at) -> audit.add(action), clock);
    final SendingBankRefunds bankRefunds =
            new SendingBankRefunds(events, registrations, mails, (a, action, t, d, at) -> audit.add(action), clock);

    String tokenOf(String email) {
        var matcher = Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})")
                .matcher(mails.to(email).getFirst().text());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    /** The link of the latest offer mailed to {@code email}, the one of the event cancelled last. */
    String tokenOf(String eventCode, String email) {
        String offer = mails.to(email).stream()
                .map(mail -> mail.text())
                .filter(text -> text.contains("/registrations/offer/"))
                .reduce((first, second) -> second)
                .orElseThrow();
        var matcher =
                Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})").matcher(offer);
        assertTrue(matcher.find(), eventCode);
        return matcher.group(1);
    }

    void cancelledEvent(DefaultAnswer byDefault) {
        cancelledEvent("pycon-x", byDefault);
    }

    void cancelledEvent(String code, DefaultAnswer byDefault) {
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        code,
                        code.equals("pycon-x") ? "PyCon X" : "PyCon " + code,
                        "EUR",
                        "general",
                        DEADLINE,
                        byDefault));
        managing.importCsv("staff-1", code, CSV);
        assertEquals(2, cancelling.cancel("staff-1", code));
    }

    @Test
    void cancelling_sends_each_registrant_a_personal_link() {
        cancelledEvent(DefaultAnswer.REFUND);

        assertEquals(2, mails.queued().size());
        String text = mails.to("ada@example.org").getFirst().text();
        assertTrue(text.contains("https://endow.test/registrations/offer/"), text);
        assertTrue(text.contains("€120.00"), text);
        assertEquals(
                "ada@example.org",
                answering.view(tokenOf("ada@example.org")).registration().email());
        assertEquals(
                List.of("registrations.event.created", "registrations.imported", "registrations.event.cancelled"),
                audit);
    }

    @Test
    void importing_the_same_registrants_again_changes_nothing() {
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "pycon-x", "PyCon X", "EUR", "general", DEADLINE, DefaultAnswer.REFUND));

        assertEquals(new ManagingEvents.Imported(2, 0), managing.importCsv("staff-1", "pycon-x", CSV));
        assertEquals(new ManagingEvents.Imported(0, 2), managing.importCsv("staff-1", "pycon-x", CSV));
        assertEquals(2, registrations.all().size());
    }

    @Test
    void a_bad_file_is_refused_line_by_line() {
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "pycon-x", "PyCon X", "EUR", "general", DEADLINE, DefaultAnswer.REFUND));

        var e = assertThrows(
                ProblemException.class,
                () -> managing.importCsv("staff-1", "pycon-x", CSV + "cy@example.org,Cy,regular,1.234,\n"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.status());
        assertEquals("line 4: amount_paid", e.errors().getFirst().field());
        assertTrue(registrations.all().isEmpty());
    }

    @Test
    void a_partial_donation_refunds_the_rest_and_records_the_gift_once_even_when_submitted_twice() {
        cancelledEvent(DefaultAnswer.REFUND);
        String token = tokenOf("ada@example.org");
        cardPayments.put(
                "ada@example.org", new RefundingPayments.CardPayment(Money.of(12_000, "EUR"), Money.of(7_000, "EUR")));

        var first = answering.answer(new AnswerCommand(token, Answer.DONATE_PART, 5_000L));
        var second = answering.answer(new AnswerCommand(token, Answer.DONATE_PART, 5_000L));

        assertTrue(first.newlyMade());
        assertFalse(second.newlyMade());
        assertEquals(
                List.of(new Gift("ada@example.org", Money.of(5_000, "EUR"), Money.of(7_000, "EUR"), "general")),
                gifts,
                "the gift is linked to the card payment with the 70.00 refunded on it first");
        assertEquals(
                List.of(new RefundCall(
                        "ada@example.org", Money.of(7_000, "EUR"), "registration-refund:pycon-x:ada@example.org")),
                refunds);
        String confirmation = mails.to("ada@example.org").getLast().text();
        assertTrue(confirmation.contains("Refunded: €70.00 to the card"), confirmation);
        assertTrue(confirmation.contains("Donated: €50.00"), confirmation);
        assertEquals(2, mails.to("ada@example.org").size());
    }

    @Test
    void another_answer_after_answering_is_a_conflict() {
        cancelledEvent(DefaultAnswer.REFUND);
        String token = tokenOf("ada@example.org");
        answering.answer(new AnswerCommand(token, Answer.DONATE_ALL, null));

        var e = assertThrows(
                ProblemException.class, () -> answering.answer(new AnswerCommand(token, Answer.REFUND, null)));

        assertEquals(HttpStatus.CONFLICT, e.status());
        assertEquals(1, gifts.size());
        assertTrue(refunds.isEmpty());
    }

    @Test
    void out_of_bounds_amounts_and_unknown_tokens_are_refused() {
        cancelledEvent(DefaultAnswer.REFUND);
        String token = tokenOf("ada@example.org");

        assertEquals(
                HttpStatus.UNPROCESSABLE_ENTITY,
                assertThrows(
                                ProblemException.class,
                                () -> answering.answer(new AnswerCommand(token, Answer.DONATE_PART, 12_000L)))
                        .status());
        assertEquals(
                HttpStatus.NOT_FOUND,
                assertThrows(ProblemException.class, () -> answering.view("x".repeat(43)))
                        .status());
        assertTrue(gifts.isEmpty());
    }

    @Test
    void a_default_that_fails_for_one_registrant_is_still_applied_to_the_others_and_retried() {
        cancelledEvent(DefaultAnswer.REFUND);
        clock.advance(Duration.between(NOW, DEADLINE));
        refundFailsFor = "ada@example.org";

        assertEquals(new ApplyingDefaults.Round(1, 1), defaults.applyDue());
        assertTrue(mails.to("bob@example.org").getLast().text().contains("did not answer by the deadline"));
        assertEquals(1, mails.to("ada@example.org").size(), "only the offer: nothing was settled for ada");
        assertEquals(
                List.of("bob@example.org"),
                refunds.stream().map(RefundCall::email).toList());
        // that ada's answer rolls back and she gets the default on a later round: RegistrationConversionIT
    }

    @Test
    void after_the_deadline_the_offer_is_gone_and_the_default_is_applied_once_and_told() {
        cancelledEvent(DefaultAnswer.DONATE);
        String ada = tokenOf("ada@example.org");
        answering.answer(new AnswerCommand(ada, Answer.REFUND, null));
        String bob = tokenOf("bob@example.org");
        assertEquals(new ApplyingDefaults.Round(0, 0), defaults.applyDue());

        clock.advance(Duration.between(NOW, DEADLINE));

        assertEquals(
                HttpStatus.GONE,
                assertThrows(
                                ProblemException.class,
                                () -> answering.answer(new AnswerCommand(bob, Answer.REFUND, null)))
                        .status());
        assertEquals(
                HttpStatus.GONE,
                assertThrows(ProblemException.class, () -> answering.view(bob)).status());
        assertEquals(new ApplyingDefaults.Round(1, 0), defaults.applyDue());
        assertEquals(new ApplyingDefaults.Round(0, 0), defaults.applyDue());
        assertEquals(
                List.of(new Gift("bob@example.org", Money.of(3_000, "EUR"), null, "general")),
                gifts,
                "no card payment: not linked");
        assertTrue(mails.to("bob@example.org").getLast().text().contains("did not answer by the deadline"));
        assertEquals("ada@example.org", answering.view(ada).registration().email());
    }

    @Test
    void a_gift_is_linked_to_the_tickets_card_payment_only_when_the_payment_was_for_that_ticket_alone_and_untouched() {
        cancelledEvent(DefaultAnswer.REFUND);
        // one payment for two tickets (240.00): its other refunds are not this gift's
        cardPayments.put(
                "ada@example.org", new RefundingPayments.CardPayment(Money.of(24_000, "EUR"), Money.of(7_000, "EUR")));
        answering.answer(new AnswerCommand(tokenOf("ada@example.org"), Answer.DONATE_PART, 5_000L));
        assertEquals(List.of(new Gift("ada@example.org", Money.of(5_000, "EUR"), null, "general")), gifts);

        // a payment refunded in part before the answer (10.00 in the dashboard, then our 70.00)
        gifts.clear();
        cancelledEvent("pycon-y", DefaultAnswer.REFUND);
        cardPayments.put(
                "ada@example.org", new RefundingPayments.CardPayment(Money.of(12_000, "EUR"), Money.of(8_000, "EUR")));
        answering.answer(new AnswerCommand(tokenOf("pycon-y", "ada@example.org"), Answer.DONATE_PART, 5_000L));
        assertEquals(List.of(new Gift("ada@example.org", Money.of(5_000, "EUR"), null, "general")), gifts);

        // the whole ticket donated, the payment untouched: linked, nothing refunded before the gift
        gifts.clear();
        cancelledEvent("pycon-z", DefaultAnswer.REFUND);
        cardPayments.put(
                "ada@example.org", new RefundingPayments.CardPayment(Money.of(12_000, "EUR"), Money.zero("EUR")));
        answering.answer(new AnswerCommand(tokenOf("pycon-z", "ada@example.org"), Answer.DONATE_ALL, null));
        assertEquals(
                List.of(new Gift("ada@example.org", Money.of(12_000, "EUR"), Money.zero("EUR"), "general")), gifts);
    }

    @Test
    void the_tally_counts_answers_amounts_and_refunds_due_by_bank() {
        cancelledEvent(DefaultAnswer.REFUND);
        answering.answer(new AnswerCommand(tokenOf("ada@example.org"), Answer.DONATE_PART, 2_000L));
        answering.answer(new AnswerCommand(tokenOf("bob@example.org"), Answer.REFUND, null));

        var tally = following.tally("pycon-x").tally();

        assertEquals(1, tally.refund());
        assertEquals(1, tally.donatePart());
        assertEquals(0, tally.notAnswered());
        assertEquals(Money.of(2_000, "EUR"), tally.converted());
        assertEquals(Money.of(10_000, "EUR"), tally.refunded(), "only what went back: ada's card refund");
        assertEquals(Money.of(3_000, "EUR"), tally.refundsDueByBank(), "bob's, still to send by bank");
        assertEquals(1, tally.refundsDueByBankCount());
    }

    @Test
    void a_refund_due_by_bank_is_listed_until_staff_record_it_sent_once_and_the_registrant_is_told() {
        cancelledEvent(DefaultAnswer.REFUND);
        answering.answer(new AnswerCommand(tokenOf("ada@example.org"), Answer.REFUND, null));
        answering.answer(new AnswerCommand(tokenOf("bob@example.org"), Answer.REFUND, null));

        List<BankRefund> owed = bankRefunds.list("pycon-x");
        assertEquals(1, owed.size(), "ada's went back to her card");
        assertEquals("bob@example.org", owed.getFirst().email());
        assertEquals(Money.of(3_000, "EUR"), owed.getFirst().amount());
        assertTrue(owed.getFirst().sent().isEmpty());

        assertEquals(
                HttpStatus.CONFLICT,
                assertThrows(
                                ProblemException.class,
                                () -> bankRefunds.recordSent("staff-1", "pycon-x", "ada@example.org", "TRX-1"))
                        .status(),
                "ada is owed nothing by bank");
        assertEquals(
                HttpStatus.NOT_FOUND,
                assertThrows(
                                ProblemException.class,
                                () -> bankRefunds.recordSent("staff-1", "pycon-x", "eve@example.org", "TRX-1"))
                        .status());
        assertEquals(
                HttpStatus.UNPROCESSABLE_ENTITY,
                assertThrows(
                                ProblemException.class,
                                () -> bankRefunds.recordSent("staff-1", "pycon-x", "bob@example.org", "  "))
                        .status());

        BankRefund sent = bankRefunds.recordSent("staff-1", "pycon-x", " Bob@Example.org ", "TRX-2026-0042");

        assertEquals(
                new BankRefund.Sent(NOW, "staff-1", "TRX-2026-0042"),
                sent.sent().orElseThrow());
        assertEquals(sent, bankRefunds.list("pycon-x").getFirst());
        var tally = following.tally("pycon-x").tally();
        assertEquals(Money.of(15_000, "EUR"), tally.refunded());
        assertEquals(Money.of(0, "EUR"), tally.refundsDueByBank());
        assertEquals(0, tally.refundsDueByBankCount());
        String told = mails.to("bob@example.org").getLast().text();
        assertTrue(told.contains("€30.00") && told.contains("TRX-2026-0042"), told);
        assertEquals(
                1,
                audit.stream().filter("registrations.bank-refund.sent"::equals).count());

        ProblemException twice = assertThrows(
                ProblemException.class,
                () -> bankRefunds.recordSent("staff-2", "pycon-x", "bob@example.org", "TRX-again"));
        assertEquals(HttpStatus.CONFLICT, twice.status());
        assertTrue(twice.getMessage().contains("TRX-2026-0042"), twice.getMessage());
        assertEquals(
                1,
                audit.stream().filter("registrations.bank-refund.sent"::equals).count());
    }

    @Test
    void reminders_go_to_those_who_have_not_answered_at_most_once_a_day() {
        cancelledEvent(DefaultAnswer.REFUND);
        answering.answer(new AnswerCommand(tokenOf("ada@example.org"), Answer.REFUND, null));

        assertEquals(1, following.remind("staff-1", "pycon-x"));
        assertEquals(
                HttpStatus.CONFLICT,
                assertThrows(ProblemException.class, () -> following.remind("staff-1", "pycon-x"))
                        .status());
        clock.advance(Duration.ofDays(1));
        assertEquals(1, following.remind("staff-1", "pycon-x"));
        assertEquals(3, mails.to("bob@example.org").size());
        assertTrue(audit.contains("registrations.reminded"));
    }

    @Test
    void registrations_cannot_be_imported_once_cancelled() {
        cancelledEvent(DefaultAnswer.REFUND);

        assertEquals(
                HttpStatus.CONFLICT,
                assertThrows(ProblemException.class, () -> managing.importCsv("staff-1", "pycon-x", CSV))
                        .status());
        assertEquals(2, registrations.all().size());
        assertFalse(registrations.all().stream().anyMatch(Registration::answeredByDefault));
    }
}
