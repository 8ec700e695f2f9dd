package org.endow.gateway.accounts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 seed, truncated to 6 digits (the RFC lists 8). */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codes_match_the_rfc_6238_test_vectors() {
        assertEquals("287082", Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void one_step_of_clock_drift_either_way_is_accepted_and_no_more() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);

        assertEquals(step - 1, Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now));
        assertEquals(step + 1, Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now));
        assertEquals(-1, Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now));
        assertEquals(-1, Totp.matchingStep(RFC_SEED, "12345", now));
        assertEquals(-1, Totp.matchingStep(RFC_SEED, "abcdef", now));
        assertEquals(-1, Totp.matchingStep(RFC_SEED, null, now));
    }

    @Test
    void base32_is_rfc_4648_without_padding() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SEED));
        assertEquals("foobar", new String(Totp.fromBase32("mzxw 6ytb oi"), StandardCharsets.US_ASCII));
    }
}
