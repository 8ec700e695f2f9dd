package org.endow.donations.receipts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.AnnualStatement;
import org.endow.donations.receipts.model.Receipt;
import org.endow.donations.receipts.model.ReceiptContent;
import org.endow.donations.receipts.model.Receipts;
import org.endow.donations.receipts.model.StatementDocuments;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;

/**
 * A donor's annual statement for a fiscal year (its first month is configured:
 * {@code endow.donations.receipts.fiscal-year-start-month}), listing the receipts of the gifts
 * received in it, net of refunds. Made on request from the stored receipts, so it always agrees
 * with them.
 */
@Singleton
public class IssuingAnnualStatement {

    private final Receipts receipts;
    private final Donations donations;
    private final FundedItems items;
    private final StatementDocuments documents;
    private final ReceiptContent.Foundation foundation;
    private final ZoneId zone;
    private final int startMonth;
    private final Clock clock;

    IssuingAnnualStatement(
            Receipts receipts,
            Donations donations,
            FundedItems items,
            StatementDocuments documents,
            ReceiptContent.Foundation foundation,
            ZoneId zone,
            @Named("fiscal-year-start-month") Integer startMonth,
            Clock clock) {
        this.receipts = receipts;
        this.donations = donations;
        this.items = items;
        this.documents = documents;
        this.foundation = foundation;
        this.zone = zone;
        this.startMonth = startMonth;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AnnualStatement statement(DonorId donor, int fiscalYear) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (fiscalYear < 2000 || fiscalYear > today.getYear()) {
            throw ProblemException.invalidField("year", "must be a fiscal year from 2000 to " + today.getYear());
        }
        LocalDate[] range = AnnualStatement.fiscalYear(fiscalYear, startMonth);
        List<Receipt> mine = receipts.of(donor).stream()
                .filter(r -> {
                    LocalDate received = LocalDate.ofInstant(r.receivedAt(), zone);
                    return !received.isBefore(range[0]) && !received.isAfter(range[1]);
                })
                .sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt()))
                .toList();
        String name = mine.isEmpty() ? "Donor" : mine.getLast().donorName();
        String email = donations.byDonor(donor).stream()
                .map(d -> d.options().contact())
                .filter(java.util.Objects::nonNull)
                .map(c -> c.email())
                .findFirst()
                .orElse("");
        List<AnnualStatement.Line> lines = mine.stream()
                .map(r -> new AnnualStatement.Line(
                        r.number(),
                        LocalDate.ofInstant(r.receivedAt(), zone),
                        items.find(r.fundCode())
                                .map(FundedItem::title)
                                .filter(t -> !"general".equals(r.fundCode()))
                                .orElse("General fund (unrestricted)"),
                        r.amount(),
                        donations
                                .find(r.donation())
                                .map(d -> d.returned())
                                .orElse(Money.zero(r.amount().currencyCode()))))
                .toList();
        String label = "Fiscal year " + fiscalYear + (startMonth == 1 ? "" : "/" + (fiscalYear + 1)) + " ("
                + HumanTime.DOCUMENT_DAY.format(range[0]) + " – " + HumanTime.DOCUMENT_DAY.format(range[1]) + ")";
        return new AnnualStatement(foundation, name, email, label, range[0], range[1], today, lines);
    }

    public byte[] document(AnnualStatement statement) {
        return documents.render(statement);
    }
}
