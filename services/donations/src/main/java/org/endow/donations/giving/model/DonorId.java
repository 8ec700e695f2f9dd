package org.endow.donations.giving.model;

import java.util.Objects;

/** The gateway account of a donor. */
public record DonorId(String value) {

    public DonorId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("donor id must not be blank");
        }
    }
}
