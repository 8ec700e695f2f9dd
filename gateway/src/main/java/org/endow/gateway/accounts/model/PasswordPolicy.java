package org.endow.gateway.accounts.model;

import java.util.Locale;
import java.util.Optional;

/**
 * NIST SP 800-63B style: long rather than complex. At least 12 characters, at most 128, not the
 * email address, not made of one repeated character.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        if (email != null
                && password.strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be your email address");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        return Optional.empty();
    }
}
