package org.endow.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShownTest {

    private final Shown show = Shown.INSTANCE;

    @Test
    void an_instant_from_a_service_is_shown_to_the_minute_in_utc() {
        assertEquals("21 Dec 2026, 08:24 UTC", show.when("2026-12-21T08:24:21.379079Z"));
        assertEquals("21 Dec 2026, 06:24 UTC", show.when("2026-12-21T08:24:21+02:00"));
        assertEquals("1 Jan 2027, 00:00 UTC", show.when(Instant.parse("2027-01-01T00:00:59Z")));
        assertEquals("21 Dec 2026", show.day("2026-12-21T23:59:00Z"));
    }

    @Test
    void a_date_from_a_service_is_shown_as_a_day() {
        assertEquals("15 Feb 2027", show.day("2027-02-15"));
        assertEquals("2027-02-30", show.day("2027-02-30"));
    }

    @Test
    void what_is_not_an_instant_is_shown_as_it_came() {
        assertEquals("", show.when(null));
        assertEquals("soon", show.when("soon"));
        assertEquals("next week", show.day("next week"));
        assertEquals("2026-12-21", show.when("2026-12-21"));
    }

    @Test
    void a_state_in_capitals_is_shown_as_words() {
        assertEquals("Awaiting payment", show.label("AWAITING_PAYMENT"));
        assertEquals("Refund", show.label("REFUND"));
        assertEquals("Donation pledged", show.label("DONATION_PLEDGED"));
        assertEquals("", show.label(null));
        assertEquals("already words", show.label("already words"));
    }
}
