package org.endow.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void typed_amounts_become_exact_minor_units() {
        assertEquals(5_000L, Amounts.toMinor("50", "USD"));
        assertEquals(125_050L, Amounts.toMinor(" 1,250.50 ", "USD"));
        assertEquals(1_005L, Amounts.toMinor("10.05", "EUR"));
        assertEquals(1_000L, Amounts.toMinor("10.0", "GBP"));
        assertEquals(500L, Amounts.toMinor("500", "JPY"));
    }

    @Test
    void anything_else_is_not_an_amount() {
        for (String bad : new String[] {null, "", "  ", "-5", "1e3", "10.005", "abc", "12,50.x", "9999999999999"}) {
            assertNull(Amounts.toMinor(bad, "USD"), bad);
        }
        assertNull(Amounts.toMinor("5.5", "JPY"));
        assertNull(Amounts.toMinor("5", "XYZ"));
    }

    @Test
    void amounts_are_shown_with_separators_and_the_currency() {
        assertEquals("1,250.50 USD", Amounts.format(125_050, "USD"));
        assertEquals("500 JPY", Amounts.format(500, "JPY"));
    }

    @Test
    void the_example_of_a_typed_amount_has_the_currencys_decimals() {
        assertEquals("2500 or 2,500.00", Amounts.example(2_500, "USD"));
        assertEquals("2500 or 2,500", Amounts.example(2_500, "JPY"));
        assertEquals("2500 or 2,500", Amounts.example(2_500, "XYZ"));
    }
}
