package org.endow.gateway.portal.grants;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.Amounts;
import org.endow.kernel.Money;

/**
 * The proposal form as typed: amounts in major units of the chosen category's currency (each category grants in
 * one currency), budget lines as "item: amount" per line, milestones as "title; amount; date" per line. Turned into
 * the service's request, or field errors.
 */
@Serdeable
record ProposalForm(
        @Nullable String categoryCode,
        @Nullable String organisation,
        @Nullable String title,
        @Nullable String description,
        @Nullable String eventSeries,
        @Nullable String startDate,
        @Nullable String endDate,
        @Nullable String attendees,
        @Nullable String amount,
        @Nullable String budget,
        @Nullable String milestones,
        @Nullable String codeOfConductUrl,
        @Nullable String _csrf) {

    /** When no category is known (the service lists none): the service then refuses the category anyway. */
    static final String CURRENCY = "USD";

    static ProposalForm empty() {
        return new ProposalForm("sprint", "", "", "", "", "", "", "", "", "", "", "", null);
    }

    /** The form filled from a proposal the service returned. */
    static ProposalForm of(Map<String, Object> p) {
        String currency = p.get("currency") instanceof String c && !c.isBlank() ? c : CURRENCY;
        StringBuilder budget = new StringBuilder();
        if (p.get("budgetLines") instanceof List<?> lines) {
            for (Object line : lines) {
                if (line instanceof Map<?, ?> l) {
                    budget.append(l.get("item"))
                            .append(": ")
                            .append(major(l.get("amountMinor"), currency))
                            .append('\n');
                }
            }
        }
        StringBuilder milestones = new StringBuilder();
        if (p.get("plannedMilestones") instanceof List<?> lines) {
            for (Object line : lines) {
                if (line instanceof Map<?, ?> m) {
                    milestones
                            .append(m.get("title"))
                            .append("; ")
                            .append(major(m.get("amountMinor"), currency))
                            .append("; ")
                            .append(m.get("due"))
                            .append('\n');
                }
            }
        }
        return new ProposalForm(
                text(p.get("categoryCode")),
                text(p.get("organisation")),
                text(p.get("title")),
                text(p.get("description")),
                text(p.get("eventSeries")),
                text(p.get("startDate")),
                text(p.get("endDate")),
                text(p.get("attendees")),
                major(p.get("amountMinor"), currency),
                budget.toString().strip(),
                milestones.toString().strip(),
                text(p.get("codeOfConductUrl")),
                null);
    }

    /**
     * The currency the form's amounts are in: the one of the category chosen ({@code categoryCode}), else of the
     * first category (the one a browser shows selected when the code names none).
     */
    static String currencyOf(@Nullable String categoryCode, List<? extends Map<?, ?>> categories) {
        Map<?, ?> chosen = categories.isEmpty() ? Map.of() : categories.getFirst();
        for (Map<?, ?> category : categories) {
            if (category.get("code") != null && category.get("code").equals(categoryCode)) {
                chosen = category;
                break;
            }
        }
        return chosen.get("currency") instanceof String code && !code.isBlank() ? code : CURRENCY;
    }

    /** The service's request, every amount read in {@code currency} (the chosen category's). */
    Map<String, Object> toRequest(String currency, Map<String, String> errors) {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryCode", blankToNull(categoryCode));
        body.put("organisation", blankToNull(organisation));
        body.put("title", blankToNull(title));
        body.put("description", blankToNull(description));
        body.put("eventSeries", blankToNull(eventSeries));
        body.put("codeOfConductUrl", blankToNull(codeOfConductUrl));
        body.put("currency", currency);
        body.put("startDate", date(startDate, "startDate", errors));
        body.put("endDate", date(endDate, "endDate", errors));
        if (attendees != null && !attendees.isBlank()) {
            if (attendees.strip().matches("\\d{1,7}")) {
                body.put("attendees", Integer.parseInt(attendees.strip()));
            } else {
                errors.put("attendees", "a whole number of people");
            }
        }
        Long minor = Amounts.toMinor(amount, currency);
        if (minor == null) {
            errors.put("amount", "enter an amount like " + Amounts.example(2_500, currency));
        } else {
            body.put("amountMinor", minor);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : lines(budget)) {
            int colon = line.lastIndexOf(':');
            Long lineMinor = colon < 1 ? null : Amounts.toMinor(line.substring(colon + 1), currency);
            if (lineMinor == null) {
                errors.put("budget", "write each line as \"what: amount\", e.g. \"Travel: 1200\"");
            } else {
                lines.add(Map.of("item", line.substring(0, colon).strip(), "amountMinor", lineMinor));
            }
        }
        body.put("budgetLines", lines);
        List<Map<String, Object>> plan = new ArrayList<>();
        for (String line : lines(milestones)) {
            String[] parts = line.split(";");
            Long partMinor = parts.length == 3 ? Amounts.toMinor(parts[1], currency) : null;
            LocalDate due = parts.length == 3 ? parse(parts[2]) : null;
            if (partMinor == null || due == null || parts[0].isBlank()) {
                errors.put("milestones", "write each milestone as \"title; amount; yyyy-mm-dd\"");
            } else {
                plan.add(Map.of("title", parts[0].strip(), "amountMinor", partMinor, "due", due.toString()));
            }
        }
        body.put("milestones", plan);
        return body;
    }

    private static List<String> lines(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String date(@Nullable String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = parse(text);
        if (date == null) {
            errors.put(field, "a date like 2027-05-10");
            return null;
        }
        return date.toString();
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Minor units back to what a person would type, in the proposal's currency (0, 2 or 3 decimals). */
    static String major(Object minor, String currency) {
        if (!(minor instanceof Number n)) {
            return "";
        }
        try {
            return Money.of(n.longValue(), currency).toMajor().toPlainString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
