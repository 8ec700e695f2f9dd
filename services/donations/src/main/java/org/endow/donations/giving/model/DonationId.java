package org.endow.donations.giving.model;

import java.util.Objects;
import java.util.UUID;
import org.endow.kernel.TimeOrderedIds;

public record DonationId(UUID value) {

    public DonationId {
        Objects.requireNonNull(value, "value");
    }

    public static DonationId random() {
        return new DonationId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
