package org.endow.gateway.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import org.endow.kernel.HumanTime;

/**
 * How the portal shows the services' values to people, as {@code show} in every page's model: an instant as "21 Dec
 * 2026, 08:24 UTC" rather than {@code 2026-12-21T08:24:21.379079Z}, a state as "Awaiting payment" rather than {@code
 * AWAITING_PAYMENT}. A value it cannot read is shown as it came, never hidden.
 */
public final class Shown {

    public static final Shown INSTANCE = new Shown();

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Shown() {}

    /** An instant (ISO-8601 text from a service, or an {@link Instant}) to the minute, in UTC. */
    public String when(Object instant) {
        return format(instant, HumanTime.MINUTE);
    }

    /** An instant's day, in UTC, or a date ({@code 2027-02-15} to "15 Feb 2027"). */
    public String day(Object instant) {
        if (instant instanceof CharSequence text && ISO_DATE.matcher(text).matches()) {
            try {
                return HumanTime.DAY.format(LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                return text.toString();
            }
        }
        return format(instant, HumanTime.DAY);
    }

    /** A state or kind named in capitals with underscores, as words: {@code AWAITING_PAYMENT} to "Awaiting payment". */
    public String label(Object name) {
        if (name == null) {
            return "";
        }
        String text = name.toString();
        if (!text.matches("[A-Z][A-Z0-9_]*")) {
            return text;
        }
        String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String format(Object value, DateTimeFormatter format) {
        if (value == null) {
            return "";
        }
        if (value instanceof TemporalAccessor temporal) {
            return format.format(temporal);
        }
        String text = value.toString();
        try {
            return format.format(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            return text;
        }
    }
}
