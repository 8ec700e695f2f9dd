package org.endow.donations.receipts.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.endow.kernel.Money;

/**
 * A donor's gifts in one fiscal year, for their tax return: every receipt issued for a gift received
 * in the year, what was refunded of it, and the net total per currency.
 *
 * @param label e.g. "fiscal year 2026 (1 July 2026 – 30 June 2027)"
 * @param from the first day of the fiscal year
 * @param to the last day of the fiscal year
 */
public record AnnualStatement(
        ReceiptContent.Foundation foundation,
        String donorName,
        String donorEmail,
        String label,
        LocalDate from,
        LocalDate to,
        LocalDate issued,
        List<Line> lines) {

    public AnnualStatement {
        Objects.requireNonNull(foundation);
        lines = List.copyOf(lines);
    }

    /**
     * @param refunded what went back to the donor of this gift: refunds, and what a lost card dispute took back
     *     (zero when nothing)
     */
    public record Line(ReceiptNumber receipt, LocalDate received, String earmark, Money amount, Money refunded) {
        public Money net() {
            return amount.minus(refunded);
        }
    }

    /** The net total per currency (gifts in several currencies are never added together). */
    public Map<String, Money> netTotals() {
        Map<String, Money> totals = new TreeMap<>();
        for (Line line : lines) {
            totals.merge(line.net().currencyCode(), line.net(), Money::plus);
        }
        return totals;
    }

    /**
     * The fiscal year that starts in {@code startMonth} of {@code year}: with a January start it is
     * the calendar year.
     */
    public static LocalDate[] fiscalYear(int year, int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("a fiscal year starts in month 1 to 12, not " + startMonth);
        }
        LocalDate from = LocalDate.of(year, startMonth, 1);
        return new LocalDate[] {from, from.plusYears(1).minusDays(1)};
    }
}
