package org.endow.donations.registrations.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret of a registrant's personal offer link: 256 random bits, sent only in the email. Only
 * its SHA-256 is stored, so a leaked database does not open anyone's offer.
 */
public record OfferToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public OfferToken {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("not an offer token");
        }
    }

    public static OfferToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OfferToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The hex SHA-256 of the token, the only form in which it is stored. */
    public String hash() {
        return hashOf(value);
    }

    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "OfferToken[***]";
    }
}
