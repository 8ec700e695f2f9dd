package org.endow.gateway.accounts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void accepts_a_long_passphrase() {
        assertTrue(PasswordPolicy.refusal("correct horse battery staple", "ada@example.org")
                .isEmpty());
    }

    @Test
    void refuses_short_empty_repeated_and_email_passwords_with_a_reason() {
        assertEquals("is required", PasswordPolicy.refusal("", "a@b.org").orElseThrow());
        assertEquals(
                "must be at least 12 characters long",
                PasswordPolicy.refusal("short", "a@b.org").orElseThrow());
        assertEquals(
                "must not be one character repeated",
                PasswordPolicy.refusal("aaaaaaaaaaaaaa", "a@b.org").orElseThrow());
        assertEquals(
                "must not be your email address",
                PasswordPolicy.refusal("Ada.Lovelace@Example.org", "ada.lovelace@example.org")
                        .orElseThrow());
        assertEquals(
                "must be at most 128 characters long",
                PasswordPolicy.refusal("x1".repeat(65), "a@b.org").orElseThrow());
    }

    @Test
    void counts_characters_not_bytes() {
        assertTrue(PasswordPolicy.refusal("ééééééééééé", "a@b.org").isPresent());
        assertTrue(PasswordPolicy.refusal("ééééééééééé1", "a@b.org").isEmpty());
    }
}
