package org.endow.donations.giving.model;

import java.util.Objects;

/**
 * Who to thank and where to send the receipt: for a signed-in donor as their account says, for a
 * guest as typed on the public donate page.
 */
public record DonorContact(String name, String email) {

    public DonorContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a donor's name must not be blank");
        }
        if (email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("a donor's email must be an email address");
        }
    }
}
