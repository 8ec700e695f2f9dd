package org.endow.donations.registrations.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.kernel.Money;

/**
 * Reads an event's registrations from CSV (header {@code email,name,ticket_type,amount_paid,
 * payment_intent_id}). Amounts are in major units and converted exactly into minor units. Every bad
 * line is reported; a file with any problem yields no registration at all.
 */
public final class RegistrationCsv {

    public static final List<String> HEADER =
            List.of("email", "name", "ticket_type", "amount_paid", "payment_intent_id");

    private RegistrationCsv() {}

    /** One problem of one line (line 1 is the header). */
    public record LineProblem(int line, String field, String message) {}

    /** The registrations read, or the problems found (then no registration). */
    public record Parsed(List<Registration> registrations, List<LineProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(String eventCode, Currency currency, String text) {
        List<LineProblem> problems = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return new Parsed(List.of(), List.of(new LineProblem(1, "header", "the file is empty")));
        }
        List<String> header;
        try {
            header = fields(stripBom(lines[0])).stream().map(String::strip).toList();
        } catch (IllegalArgumentException e) {
            return new Parsed(List.of(), List.of(new LineProblem(1, "header", e.getMessage())));
        }
        if (!header.equals(HEADER)) {
            return new Parsed(
                    List.of(), List.of(new LineProblem(1, "header", "the header must be " + String.join(",", HEADER))));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f;
            try {
                f = fields(lines[i]);
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(line, "line", e.getMessage()));
                continue;
            }
            if (f.size() != HEADER.size()) {
                problems.add(new LineProblem(line, "line", "expected " + HEADER.size() + " fields, found " + f.size()));
                continue;
            }
            int before = problems.size();
            String email = null;
            try {
                email = Registration.normalisedEmail(f.get(0));
                Integer first = seen.putIfAbsent(email, line);
                if (first != null) {
                    problems.add(new LineProblem(line, "email", email + " is already on line " + first));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(line, "email", "not an email address"));
            }
            String name = f.get(1).strip();
            if (name.isEmpty() || name.length() > 200) {
                problems.add(new LineProblem(line, "name", "a name of 1 to 200 characters is needed"));
            }
            String ticketType = f.get(2).strip();
            if (ticketType.isEmpty() || ticketType.length() > 100) {
                problems.add(new LineProblem(line, "ticket_type", "a ticket type of 1 to 100 characters is needed"));
            }
            Long minor = null;
            try {
                minor = minorUnits(f.get(3).strip(), currency);
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(line, "amount_paid", e.getMessage()));
            }
            String intent = f.get(4).strip();
            if (!intent.isEmpty() && !intent.matches("pi_[A-Za-z0-9_]{1,200}")) {
                problems.add(new LineProblem(line, "payment_intent_id", "a payment intent id starts with pi_"));
            }
            if (problems.size() == before) {
                registrations.add(Registration.imported(
                        eventCode,
                        email,
                        name,
                        ticketType,
                        new Money(minor, currency),
                        intent.isEmpty() ? null : intent));
            }
        }
        if (problems.isEmpty() && registrations.isEmpty()) {
            problems.add(new LineProblem(2, "line", "the file has no registration"));
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(registrations), List.of()) : new Parsed(List.of(), problems);
    }

    /**
     * An amount in major units ("12.50") as exact minor units of {@code currency}.
     *
     * @throws IllegalArgumentException when it is not a positive amount with at most the currency's
     *     decimals
     */
    public static long minorUnits(String major, Currency currency) {
        if (!major.matches("\\d{1,12}(\\.\\d+)?")) {
            throw new IllegalArgumentException("an amount like 12.50 is needed, not '" + major + "'");
        }
        BigDecimal amount = new BigDecimal(major);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has " + digits + " decimals at most");
        }
        long minor = amount.movePointRight(digits).longValueExact();
        if (minor <= 0) {
            throw new IllegalArgumentException("the amount paid must be more than 0");
        }
        return minor;
    }

    /** The fields of one CSV line: commas separate, double quotes enclose, "" is a quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        out.add(current.toString());
        return out;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
