package org.endow.grants.proposals.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    @Test
    void ten_business_days_from_a_monday_end_two_weeks_later() {
        assertEquals(
                Instant.parse("2027-02-15T09:00:00Z"), BusinessDays.after(Instant.parse("2027-02-01T09:00:00Z"), 10));
    }

    @Test
    void weekends_do_not_count_whichever_day_one_starts() {
        // Friday + 1 business day = Monday; Saturday + 1 = Monday; Wednesday + 3 = Monday
        assertEquals(
                Instant.parse("2027-02-08T12:00:00Z"), BusinessDays.after(Instant.parse("2027-02-05T12:00:00Z"), 1));
        assertEquals(
                Instant.parse("2027-02-08T12:00:00Z"), BusinessDays.after(Instant.parse("2027-02-06T12:00:00Z"), 1));
        assertEquals(
                Instant.parse("2027-02-08T12:00:00Z"), BusinessDays.after(Instant.parse("2027-02-03T12:00:00Z"), 3));
        assertEquals(
                Instant.parse("2027-02-03T12:00:00Z"), BusinessDays.after(Instant.parse("2027-02-03T12:00:00Z"), 0));
    }
}
