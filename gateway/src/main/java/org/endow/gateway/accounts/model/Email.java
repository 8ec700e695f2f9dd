package org.endow.gateway.accounts.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An email address, compared case-insensitively (stored lower-cased). */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public Email {
        if (value == null || !SHAPE.matcher(value).matches() || value.length() > 254) {
            throw new IllegalArgumentException("not an email address");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public static Optional<Email> parse(String candidate) {
        try {
            return Optional.of(new Email(candidate == null ? null : candidate.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
