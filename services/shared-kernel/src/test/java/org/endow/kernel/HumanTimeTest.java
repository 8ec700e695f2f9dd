package org.endow.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HumanTimeTest {

    @Test
    void an_instant_is_read_to_the_minute_in_utc() {
        assertEquals("21 Dec 2026, 08:24 UTC", HumanTime.minute(Instant.parse("2026-12-21T08:24:59.379079Z")));
        assertEquals("1 Jan 2027, 00:00 UTC", HumanTime.minute(Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void a_day_is_read_as_day_month_year() {
        assertEquals("15 Feb 2027", HumanTime.day(LocalDate.parse("2027-02-15")));
        assertEquals("31 Dec 2026", HumanTime.day(Instant.parse("2026-12-31T23:59:59Z")));
    }

    @Test
    void documents_spell_the_month_out() {
        assertEquals("6 December 2026", HumanTime.DOCUMENT_DAY.format(LocalDate.parse("2026-12-06")));
        assertEquals(
                "6 December 2026, 23:05 UTC", HumanTime.DOCUMENT_MINUTE.format(Instant.parse("2026-12-06T23:05:30Z")));
    }
}
