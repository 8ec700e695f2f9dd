package org.endow.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void adds_and_subtracts_in_minor_units() {
        Money total = Money.of(1_999, "USD").plus(Money.of(1, "USD"));
        assertEquals(Money.of(2_000, "USD"), total);
        assertEquals(Money.of(-1, "USD"), Money.of(1, "USD").minus(Money.of(2, "USD")));
        assertEquals("20.00 USD", total.toString());
    }

    @Test
    void is_shown_grouped_in_the_currencys_own_decimals() {
        assertEquals("1,200.00", Money.of(120_000, "USD").grouped());
        assertEquals("USD 1,200.00", Money.of(120_000, "USD").withCode());
        assertEquals("$1,200.00", Money.of(120_000, "USD").withSymbol());
        assertEquals("€0.05", Money.of(5, "EUR").withSymbol());
        assertEquals("JPY 12,500", Money.of(12_500, "JPY").withCode());
        assertEquals("¥12,500", Money.of(12_500, "JPY").withSymbol());
        assertEquals("-3.50", Money.of(-350, "GBP").grouped());
    }

    @Test
    void refuses_to_mix_currencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "USD").plus(Money.of(1, "EUR")));
    }

    @Test
    void refuses_unknown_currency_codes() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "usd"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, null));
    }

    @Test
    void never_overflows_silently() {
        assertThrows(
                ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")));
    }

    @Test
    void knows_currencies_without_minor_units() {
        assertEquals("500", Money.of(500, "JPY").toMajor().toPlainString());
        assertTrue(Money.of(1, "JPY").isPositive());
    }
}
