package org.endow.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants and dates as people read them in mails, pages and histories: "21 Dec 2026, 08:24 UTC" and "15 Feb
 * 2027", never {@code 2026-12-21T08:24:21.379079Z}. Machines (APIs, CSV, events) keep ISO-8601.
 */
public final class HumanTime {

    /** An instant to the minute, in UTC. */
    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A day (of an instant, in UTC). */
    public static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A day in a document (receipt, contract, invoice, letter), the month spelt out: "6 December 2026". */
    public static final DateTimeFormatter DOCUMENT_DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** An instant in a document, to the minute: "6 December 2026, 14:05 UTC". */
    public static final DateTimeFormatter DOCUMENT_MINUTE = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HumanTime() {}

    /** "21 Dec 2026, 08:24 UTC". */
    public static String minute(Instant at) {
        return MINUTE.format(at);
    }

    /** "15 Feb 2027". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The day of an instant, in UTC: "21 Dec 2026". */
    public static String day(Instant at) {
        return DAY.format(at);
    }
}
