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
        if (name.chars().anyMatch(Character::isISOControl) || email.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a donor's name and email must not contain control characters");
        }
        if (name.length() > 200 || email.length() > 254) {
            throw new IllegalArgumentException("a donor's name is at most 200 characters, an email at most 254");
        }
        if (email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("a donor's email must be an email address");
        }
    }
}
