package org.endow.funds.ledger.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.endow.kernel.Money;
import org.junit.jupiter.api.Test;

/** Conversion is exact on minor units and rounds half-even once, whatever the currencies' minor units. */
class ExchangeRateTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void converts_minor_units_exactly_and_rounds_half_even() {
        ExchangeRate eur = new ExchangeRate("EUR", "USD", new BigDecimal("1.0842"), FROM);
        assertEquals(Money.of(10_842, "USD"), eur.convert(Money.of(10_000, "EUR")));
        assertEquals(Money.of(1, "USD"), eur.convert(Money.of(1, "EUR")), "1.0842 cents is 1 cent");
        ExchangeRate half = new ExchangeRate("EUR", "USD", new BigDecimal("0.5"), FROM);
        assertEquals(Money.of(2, "USD"), half.convert(Money.of(5, "EUR")), "2.5 → 2 (half-even)");
        assertEquals(Money.of(4, "USD"), half.convert(Money.of(7, "EUR")), "3.5 → 4 (half-even)");
        ExchangeRate yen = new ExchangeRate("JPY", "USD", new BigDecimal("0.0067"), FROM);
        assertEquals(Money.of(6_700, "USD"), yen.convert(Money.of(10_000, "JPY")), "¥10,000 is $67.00");
        assertEquals("EUR 100.00 at 1.0842 USD", eur.describe(Money.of(10_000, "EUR")));
    }

    @Test
    void refuses_what_is_not_a_rate() {
        assertThrows(IllegalArgumentException.class, () -> new ExchangeRate("EUR", "EUR", BigDecimal.ONE, FROM));
        assertThrows(IllegalArgumentException.class, () -> new ExchangeRate("EUR", "USD", BigDecimal.ZERO, FROM));
        assertThrows(IllegalArgumentException.class, () -> new ExchangeRate("XXQ", "USD", BigDecimal.ONE, FROM));
        ExchangeRate eur = new ExchangeRate("EUR", "USD", BigDecimal.ONE, FROM);
        assertThrows(IllegalArgumentException.class, () -> eur.convert(Money.of(1, "GBP")));
    }
}
