package org.endow.funds.ledger.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import org.endow.kernel.Money;

/**
 * How many units of the ledger's currency one unit of {@code currency} is worth, as recorded by
 * staff from {@code effectiveFrom} on. Conversion is exact decimal arithmetic on minor units,
 * rounded half-even to the ledger currency's minor unit once.
 */
public record ExchangeRate(String currency, String ledgerCurrency, BigDecimal rate, Instant effectiveFrom) {

    public ExchangeRate {
        Objects.requireNonNull(effectiveFrom);
        Currency.getInstance(currency);
        Currency.getInstance(ledgerCurrency);
        if (currency.equals(ledgerCurrency)) {
            throw new IllegalArgumentException("a rate converts between two different currencies");
        }
        if (rate == null || rate.signum() <= 0 || rate.scale() > 10 || rate.precision() - rate.scale() > 10) {
            throw new IllegalArgumentException("a rate is a positive decimal with at most 10 digits either side");
        }
    }

    /** {@code amount} (in {@code currency}) in the ledger's currency. */
    public Money convert(Money amount) {
        if (!amount.currencyCode().equals(currency)) {
            throw new IllegalArgumentException("this rate converts " + currency + ", not " + amount.currencyCode());
        }
        int from = digits(currency);
        int to = digits(ledgerCurrency);
        BigDecimal converted = new BigDecimal(BigInteger.valueOf(amount.minor()))
                .multiply(rate)
                .movePointRight(to - from)
                .setScale(0, RoundingMode.HALF_EVEN);
        return Money.of(converted.longValueExact(), ledgerCurrency);
    }

    /** "EUR 50.00 at 1.0842 USD" for the entry's description. */
    public String describe(Money amount) {
        return amount.currencyCode() + " "
                + new BigDecimal(BigInteger.valueOf(amount.minor()), digits(amount.currencyCode())).toPlainString()
                + " at " + rate.stripTrailingZeros().toPlainString() + " " + ledgerCurrency;
    }

    private static int digits(String code) {
        return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    }
}
