package org.endow.donations.giving.model;

import java.util.Optional;

/**
 * The donor's choice about public recognition (donor lists, annual report).
 *
 * @param consent whether the gift may be recognised publicly at all
 * @param anonymous recognised as "Anonymous" (counts, but without a name)
 * @param displayName the name to show when recognised by name; the contact's name when absent
 */
public record Recognition(boolean consent, boolean anonymous, String displayName) {

    public static final Recognition NONE = new Recognition(false, false, null);

    public Recognition {
        if (displayName != null && displayName.isBlank()) {
            displayName = null;
        }
        if (!consent) {
            anonymous = false;
            displayName = null;
        }
    }

    public Optional<String> displayNameIfAny() {
        return Optional.ofNullable(displayName);
    }
}
