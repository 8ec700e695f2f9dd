package org.endow.kernel;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money: integer minor units (cents) and an ISO 4217 currency. Never a double.
 * Arithmetic refuses to mix currencies and to overflow.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, currency(currencyCode));
    }

    public static Money zero(String currencyCode) {
        return of(0, currencyCode);
    }

    /**
     * The currency for an ISO 4217 code.
     *
     * @throws IllegalArgumentException when the code is not a known currency
     */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency: " + code, e);
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    /** The amount in major units, exact (for display and export only). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /** Grouped, in the currency's own decimals, without the currency: "1,200.00", "500" (JPY), "-3.50". */
    public String grouped() {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        DecimalFormat format = new DecimalFormat(
                digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(toMajor());
    }

    /** As documents show it, the ISO code first: "USD 1,200.00". */
    public String withCode() {
        return currencyCode() + " " + grouped();
    }

    /** As a mail to a person says it, with the currency's US English symbol: "$1,200.00", "€50.00", "CA$20.00". */
    public String withSymbol() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(toMajor());
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currencyCode() + " with " + other.currencyCode());
        }
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currencyCode();
    }
}
