package org.endow.grants.proposals.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Business days (Monday to Friday, UTC): the charter gives the working group "at most 10 business days" to discuss.
 * Public holidays are not known here and count as business days.
 */
public final class BusinessDays {

    private BusinessDays() {}

    /** The same time of day, {@code days} business days after {@code start}. */
    public static Instant after(Instant start, int days) {
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        int counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return at.toInstant();
    }
}
