package org.endow.donations.registrations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import java.util.List;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

class RegistrationCsvTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final String HEADER = "email,name,ticket_type,amount_paid,payment_intent_id\n";

    @Test
    void a_good_file_gives_its_registrations_in_exact_minor_units() {
        var parsed = RegistrationCsv.parse(
                "pycon-x",
                EUR,
                HEADER + "ada@example.org,Ada Lovelace,regular,120.00,pi_123\r\n"
                        + "bob@example.org,\"Babbage, Charles\",student,0.1,\n");

        assertTrue(parsed.ok(), parsed.problems()::toString);
        assertEquals(2, parsed.registrations().size());
        var ada = parsed.registrations().get(0);
        assertEquals(Money.of(12_000, "EUR"), ada.paid());
        assertEquals("pi_123", ada.paymentIntentId().orElseThrow());
        var bob = parsed.registrations().get(1);
        assertEquals("Babbage, Charles", bob.name());
        assertEquals(Money.of(10, "EUR"), bob.paid());
        assertTrue(bob.paymentIntentId().isEmpty());
    }

    @Test
    void every_bad_line_is_reported_and_nothing_is_read() {
        var parsed = RegistrationCsv.parse(
                "pycon-x",
                EUR,
                HEADER + "ada@example.org,Ada,regular,120.00,pi_1\n"
                        + "not-an-email,Bob,regular,12.345,\n"
                        + "cy@example.org,,regular,-3,ch_1\n"
                        + "ADA@example.org,Ada again,regular,1,\n"
                        + "too,few\n");

        assertFalse(parsed.ok());
        assertTrue(parsed.registrations().isEmpty());
        assertEquals(
                List.of(
                        new RegistrationCsv.LineProblem(3, "email", "not an email address"),
                        new RegistrationCsv.LineProblem(3, "amount_paid", "EUR has 2 decimals at most"),
                        new RegistrationCsv.LineProblem(4, "name", "a name of 1 to 200 characters is needed"),
                        new RegistrationCsv.LineProblem(4, "amount_paid", "an amount like 12.50 is needed, not '-3'"),
                        new RegistrationCsv.LineProblem(4, "payment_intent_id", "a payment intent id starts with pi_"),
                        new RegistrationCsv.LineProblem(5, "email", "ada@example.org is already on line 2"),
                        new RegistrationCsv.LineProblem(6, "line", "expected 5 fields, found 2")),
                parsed.problems());
    }

    @Test
    void a_wrong_header_or_an_empty_file_is_refused() {
        assertEquals(
                "header",
                RegistrationCsv.parse("x", EUR, "mail,name\nada@example.org,Ada\n")
                        .problems()
                        .getFirst()
                        .field());
        assertEquals(1, RegistrationCsv.parse("x", EUR, "").problems().size());
        assertEquals(
                "the file has no registration",
                RegistrationCsv.parse("x", EUR, HEADER).problems().getFirst().message());
    }

    @Test
    void an_unclosed_quote_is_a_problem_of_its_line() {
        var parsed = RegistrationCsv.parse("x", EUR, HEADER + "ada@example.org,\"Ada,regular,1,\n");

        assertEquals(
                new RegistrationCsv.LineProblem(2, "line", "a quote is not closed"),
                parsed.problems().getFirst());
    }

    @Test
    void amounts_follow_the_currency_decimals() {
        assertEquals(1_000, RegistrationCsv.minorUnits("1000", Currency.getInstance("JPY")));
        assertThrows(
                IllegalArgumentException.class, () -> RegistrationCsv.minorUnits("1.5", Currency.getInstance("JPY")));
        assertEquals(1_050, RegistrationCsv.minorUnits("10.500", EUR));
        assertThrows(IllegalArgumentException.class, () -> RegistrationCsv.minorUnits("0.00", EUR));
        assertThrows(IllegalArgumentException.class, () -> RegistrationCsv.minorUnits("1e3", EUR));
    }
}
