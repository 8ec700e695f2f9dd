package org.endow.donations.registrations.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class OfferTokenTest {

    @Test
    void a_token_is_256_random_bits_and_stored_only_as_its_sha256() {
        var token = OfferToken.random();

        assertEquals(32, Base64.getUrlDecoder().decode(token.value()).length);
        assertEquals(64, token.hash().length());
        assertFalse(token.hash().contains(token.value()));
        assertEquals(OfferToken.hashOf(token.value()), token.hash());
        assertNotEquals(token, OfferToken.random());
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void a_malformed_token_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new OfferToken("../../etc"));
        assertThrows(IllegalArgumentException.class, () -> new OfferToken(""));
    }
}
