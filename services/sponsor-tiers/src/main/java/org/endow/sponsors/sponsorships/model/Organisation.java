package org.endow.sponsors.sponsorships.model;

import java.util.List;
import java.util.Objects;

/**
 * The sponsoring company as it applies: what the contract and the invoice name, and who to talk to.
 *
 * @param contacts at least one, exactly one of them {@link ContactRole#PRIMARY}
 */
public record Organisation(
        String name, String description, String website, String billingAddress, List<Contact> contacts) {

    public enum ContactRole {
        PRIMARY,
        ADMINISTRATIVE,
        ACCOUNTING,
        MANAGER
    }

    public record Contact(String name, String email, ContactRole role) {
        public Contact {
            requireText(name, "a contact's name");
            requireText(email, "a contact's email");
            if (!email.contains("@")) {
                throw new IllegalArgumentException("a contact's email must be an email address");
            }
            Objects.requireNonNull(role, "a contact's role");
        }
    }

    public Organisation {
        requireText(name, "the organisation's name");
        requireText(billingAddress, "the billing address");
        description = description == null ? "" : description.strip();
        website = website == null ? "" : website.strip();
        if (!website.isEmpty() && !website.matches("https?://[^\\s]{3,}")) {
            throw new IllegalArgumentException("the web site must be an http(s) address");
        }
        contacts = List.copyOf(contacts);
        if (contacts.stream().filter(c -> c.role() == ContactRole.PRIMARY).count() != 1) {
            throw new IllegalArgumentException("exactly one contact is the primary contact");
        }
    }

    public Contact primary() {
        return contacts.stream()
                .filter(c -> c.role() == ContactRole.PRIMARY)
                .findFirst()
                .orElseThrow();
    }

    /** Where invoices go: the accounting contact, else the primary one. */
    public Contact accounting() {
        return contacts.stream()
                .filter(c -> c.role() == ContactRole.ACCOUNTING)
                .findFirst()
                .orElse(primary());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > 2_000 || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException(what + " is too long or contains control characters");
        }
    }
}
