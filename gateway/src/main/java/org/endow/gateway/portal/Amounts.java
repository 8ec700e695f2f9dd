package org.endow.gateway.portal;

import java.math.BigDecimal;
import java.util.Currency;
import org.endow.kernel.Money;

/** Amounts typed by people ("50", "1,250.50") to minor units, and back for display. Never a double. */
public final class Amounts {

    private Amounts() {}

    /** @return the amount in minor units, or null when the text is not an amount in that currency */
    public static Long toMinor(String text, String currencyCode) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String clean = text.strip().replace(",", "");
        if (!clean.matches("\\d{1,12}(\\.\\d{1," + Math.max(1, digits) + "})?")
                || (digits == 0 && clean.contains("."))) {
            return null;
        }
        return new BigDecimal(clean).movePointRight(digits).longValueExact();
    }

    /**
     * How to type a whole amount of the currency, for a form's error: "2500 or 2,500.00" (USD), "2500 or 2,500" (JPY).
     */
    public static String example(long whole, String currencyCode) {
        String grouped;
        try {
            int digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
            grouped = Money.of(BigDecimal.valueOf(whole).movePointRight(digits).longValueExact(), currencyCode)
                    .grouped();
        } catch (IllegalArgumentException e) {
            grouped = String.format(java.util.Locale.ROOT, "%,d", whole);
        }
        return whole + " or " + grouped;
    }

    /** "1,250.50 USD": the kernel's grouping, the code after it as every portal page shows amounts. */
    public static String format(long minor, String currencyCode) {
        return Money.of(minor, currencyCode).grouped() + " " + currencyCode;
    }
}
