package org.endow.donations.giving.model;

import java.util.Arrays;
import java.util.Optional;

/** How the donor pays. Without a Stripe key only the offline methods are offered. */
public enum PaymentMethod {
    BANK_TRANSFER,
    CHEQUE,
    CARD;

    public static Optional<PaymentMethod> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst();
    }
}
