package org.endow.donations.giving.model;

import java.util.Objects;
import java.util.UUID;

public record DonationId(UUID value) {

    public DonationId {
        Objects.requireNonNull(value, "value");
    }

    public static DonationId random() {
        return new DonationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
