package org.endow.grants.proposals.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.kernel.Money;

/**
 * What the applicant writes: everything they may edit while the proposal is a draft or while the
 * chair waits for more information.
 *
 * @param eventSeries the recurring event this is an edition of (e.g. "PyCon Lagos"), for the fast track
 * @param budgetLines what the money is for; they add up to the amount
 * @param milestones the payment plan; empty means one payment of the whole amount at the end date
 */
public record Application(
        String organisation,
        String categoryCode,
        String title,
        String description,
        String eventSeries,
        LocalDate startDate,
        LocalDate endDate,
        int attendees,
        long amountMinor,
        String currency,
        List<BudgetLine> budgetLines,
        List<MilestonePlan> milestones,
        String codeOfConductUrl) {

    public Application {
        budgetLines = List.copyOf(budgetLines == null ? List.of() : budgetLines);
        milestones = List.copyOf(milestones == null ? List.of() : milestones);
    }

    public record BudgetLine(String item, long amountMinor) {}

    public record MilestonePlan(String title, long amountMinor, LocalDate due) {}

    /** The payment plan: the applicant's milestones, or one payment of the whole amount. */
    public List<MilestonePlan> paymentPlan() {
        if (!milestones.isEmpty()) {
            return milestones;
        }
        return List.of(new MilestonePlan("The grant", amountMinor, endDate == null ? startDate : endDate));
    }

    /** Everything the category's policy says against this application, field by field. */
    public List<Violation> violations(GrantCategory category) {
        List<Violation> violations = new ArrayList<>();
        if (category.paused()) {
            violations.add(new Violation(
                    "categoryCode", "the " + category.name() + " category is paused: it takes no new proposals"));
        }
        if (blank(organisation)) {
            violations.add(new Violation("organisation", "name the organisation or group applying"));
        }
        if (blank(title)) {
            violations.add(new Violation("title", "give the proposal a title"));
        }
        if (blank(description)) {
            violations.add(new Violation("description", "describe the event or the work"));
        }
        if (startDate == null) {
            violations.add(new Violation("startDate", "give the start date"));
        }
        if (endDate == null) {
            violations.add(new Violation("endDate", "give the end date"));
        } else if (startDate != null && endDate.isBefore(startDate)) {
            violations.add(new Violation("endDate", "ends before it starts"));
        }
        if (attendees < 0) {
            violations.add(new Violation("attendees", "cannot be negative"));
        }
        if (!category.currency().equals(currency)) {
            violations.add(new Violation("currency", "this category grants in " + category.currency()));
        }
        if (amountMinor <= 0) {
            violations.add(new Violation("amountMinor", "ask for a positive amount"));
        } else if (amountMinor > category.capMinor()) {
            violations.add(new Violation(
                    "amountMinor",
                    "over the " + category.name() + " cap of " + Money.of(category.capMinor(), category.currency())));
        }
        if (!budgetLines.isEmpty()) {
            long sum = budgetLines.stream().mapToLong(BudgetLine::amountMinor).sum();
            if (sum != amountMinor) {
                violations.add(new Violation(
                        "budgetLines",
                        "the budget lines add up to " + Money.of(sum, category.currency()) + ", not the "
                                + Money.of(amountMinor, category.currency()) + " asked"));
            }
        }
        if (category.milestoneGrant() && milestones.isEmpty()) {
            violations.add(new Violation("milestones", "plan the work as milestones with regular reports"));
        }
        if (!milestones.isEmpty()) {
            long sum = milestones.stream().mapToLong(MilestonePlan::amountMinor).sum();
            if (sum != amountMinor) {
                violations.add(new Violation(
                        "milestones",
                        "the milestones add up to " + Money.of(sum, category.currency()) + ", not the "
                                + Money.of(amountMinor, category.currency()) + " asked"));
            }
            if (milestones.stream().anyMatch(m -> m.due() == null || m.amountMinor() <= 0 || blank(m.title()))) {
                violations.add(new Violation("milestones", "every milestone needs a title, an amount and a date"));
            }
        }
        if (codeOfConductUrl != null && !codeOfConductUrl.isBlank() && !codeOfConductUrl.startsWith("https://")) {
            violations.add(new Violation("codeOfConductUrl", "must be an https:// link"));
        }
        return violations;
    }

    /** Advice that does not stop the proposal, e.g. above the per-attendee guideline. */
    public List<Violation> warnings(GrantCategory category) {
        if (category.perAttendeePerDayMinor() <= 0 || attendees <= 0 || startDate == null || endDate == null) {
            return List.of();
        }
        long days = ChronoUnit.DAYS.between(startDate, endDate) + 1;
        long guideline = category.perAttendeePerDayMinor() * attendees * Math.max(days, 1);
        if (amountMinor > guideline) {
            return List.of(new Violation(
                    "amountMinor",
                    "above the guideline of " + Money.of(category.perAttendeePerDayMinor(), category.currency())
                            + " per attendee per day (" + Money.of(guideline, category.currency()) + " for " + attendees
                            + " attendees over " + days
                            + " days): explain why in the description"));
        }
        return List.of();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
