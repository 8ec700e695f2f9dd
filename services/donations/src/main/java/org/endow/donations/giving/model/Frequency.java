package org.endow.donations.giving.model;

import java.util.Arrays;
import java.util.Optional;

/** How often a gift is given: once, or every month until the donor cancels. */
public enum Frequency {
    ONE_TIME,
    MONTHLY;

    public static Optional<Frequency> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.name().equals(value)).findFirst();
    }
}
