package org.endow.gateway.accounts.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    final Argon2PasswordHasher hasher = new Argon2PasswordHasher(new PasswordHashingProperties(19456, 2, 1));

    @Test
    void a_hash_is_argon2id_in_phc_format_and_verifies() {
        String hash = hasher.hash("correct horse battery staple");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.matches("correct horse battery staple", hash));
        assertFalse(hasher.matches("correct horse battery stapler", hash));
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertNotEquals(hasher.hash("correct horse battery staple"), hasher.hash("correct horse battery staple"));
    }

    @Test
    void hashes_keep_their_own_parameters() {
        String cheap = new Argon2PasswordHasher(new PasswordHashingProperties(1024, 1, 1)).hash("a long passphrase");
        assertTrue(hasher.matches("a long passphrase", cheap));
    }

    @Test
    void malformed_or_tampered_hashes_never_match() {
        String hash = hasher.hash("correct horse battery staple");
        String tampered = hash.substring(0, hash.length() - 2) + (hash.endsWith("A") ? "BB" : "AA");
        assertFalse(hasher.matches("correct horse battery staple", tampered));
        assertFalse(hasher.matches("correct horse battery staple", "plaintext"));
        assertFalse(hasher.matches("correct horse battery staple", null));
    }
}
