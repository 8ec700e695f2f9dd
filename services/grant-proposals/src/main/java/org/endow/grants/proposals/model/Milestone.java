package org.endow.grants.proposals.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment of an awarded grant and the progress report that follows it.
 *
 * @param number from 1
 * @param reportDue by when the report on this milestone is due once it is paid
 * @param remindedAt when the applicant was reminded of the overdue report (once)
 */
public record Milestone(
        int number,
        String title,
        long amountMinor,
        LocalDate due,
        Payment payment,
        Instant disbursedAt,
        LocalDate reportDue,
        Report report,
        String reportText,
        Instant reportSubmittedAt,
        Instant remindedAt) {

    public enum Payment {
        PENDING,
        DISBURSED
    }

    public enum Report {
        NONE,
        SUBMITTED,
        ACCEPTED
    }

    static Milestone planned(int number, String title, long amountMinor, LocalDate due) {
        return new Milestone(
                number, title, amountMinor, due, Payment.PENDING, null, null, Report.NONE, null, null, null);
    }

    Milestone disbursed(Instant at, LocalDate reportDue) {
        return new Milestone(
                number,
                title,
                amountMinor,
                due,
                Payment.DISBURSED,
                at,
                reportDue,
                report,
                reportText,
                reportSubmittedAt,
                remindedAt);
    }

    Milestone reported(String text, Instant at) {
        return new Milestone(
                number,
                title,
                amountMinor,
                due,
                payment,
                disbursedAt,
                reportDue,
                Report.SUBMITTED,
                text,
                at,
                remindedAt);
    }

    Milestone reportAccepted() {
        return new Milestone(
                number,
                title,
                amountMinor,
                due,
                payment,
                disbursedAt,
                reportDue,
                Report.ACCEPTED,
                reportText,
                reportSubmittedAt,
                remindedAt);
    }

    Milestone reminded(Instant at) {
        return new Milestone(
                number,
                title,
                amountMinor,
                due,
                payment,
                disbursedAt,
                reportDue,
                report,
                reportText,
                reportSubmittedAt,
                at);
    }

    /** Paid, and its report neither submitted nor accepted though due before {@code today}. */
    public boolean reportOverdue(LocalDate today) {
        return payment == Payment.DISBURSED && report == Report.NONE && reportDue != null && reportDue.isBefore(today);
    }
}
