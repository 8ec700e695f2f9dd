package org.endow.donations.registrations.model;

import java.util.Objects;
import org.endow.kernel.Money;

/** How a registration's paid amount splits into a donation and a refund; both add up to the amount paid. */
public record Conversion(Answer answer, Money donated, Money refunded) {

    public Conversion {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(donated, "donated");
        Objects.requireNonNull(refunded, "refunded");
        if (donated.isNegative() || refunded.isNegative()) {
            throw new IllegalArgumentException("a conversion never has a negative part");
        }
    }

    /**
     * The split for {@code answer} of {@code paid}.
     *
     * @param donatedPart only for {@link Answer#DONATE_PART}: the part to donate, strictly between
     *     nothing and everything (in minor units)
     * @throws IllegalArgumentException when the donated part is out of bounds or given for another
     *     answer
     */
    public static Conversion of(Answer answer, Money paid, Money donatedPart) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(paid, "paid");
        Money zero = new Money(0, paid.currency());
        return switch (answer) {
            case REFUND -> {
                requireNoPart(answer, donatedPart);
                yield new Conversion(answer, zero, paid);
            }
            case DONATE_ALL -> {
                requireNoPart(answer, donatedPart);
                yield new Conversion(answer, paid, zero);
            }
            case DONATE_PART -> {
                if (donatedPart == null) {
                    throw new IllegalArgumentException("say how much of the " + paid.toMajor() + " to donate");
                }
                if (!donatedPart.currency().equals(paid.currency())) {
                    throw new IllegalArgumentException("the donated part must be in " + paid.currencyCode());
                }
                if (!donatedPart.isPositive() || donatedPart.compareTo(paid) >= 0) {
                    throw new IllegalArgumentException("the donated part must be more than 0 and less than "
                            + paid.toMajor() + " " + paid.currencyCode());
                }
                yield new Conversion(answer, donatedPart, paid.minus(donatedPart));
            }
        };
    }

    private static void requireNoPart(Answer answer, Money donatedPart) {
        if (donatedPart != null) {
            throw new IllegalArgumentException("an amount goes only with a partial donation, not " + answer);
        }
    }
}
