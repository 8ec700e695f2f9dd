package org.endow.sponsors.sponsorships.application;

import java.util.List;
import org.endow.kernel.Money;

/**
 * What the sponsorship process needs from configuration.
 *
 * @param staffEmail where new applications are announced
 * @param portalUrl the portal's public address, for links in emails
 * @param paymentTermsDays days between the invoice and its due date
 * @param taxes tax lines added to an invoice, each a label and a rate in basis points (none by default)
 * @param placements where logos are shown (home, sponsors, pypi, docs) → the benefit that gives a logo there
 * @param vettingRequired whether staff must record a passed code-of-conduct vetting before approving
 */
public record SponsorshipTerms(
        SponsorshipDocuments.Foundation foundation,
        String staffEmail,
        String portalUrl,
        int paymentTermsDays,
        List<Tax> taxes,
        SponsorshipDocuments.Bank bank,
        java.util.Map<String, String> placements,
        boolean vettingRequired) {

    /**
     * What an invoice for {@code fee} asks for: the fee and every tax on it. The invoice, the card
     * checkout and the overdue reminder all ask for this amount.
     */
    public Money invoiceTotal(Money fee) {
        Money total = fee;
        for (Tax tax : taxes) {
            total = total.plus(tax.on(fee));
        }
        return total;
    }

    public record Tax(String label, int basisPoints) {

        /** This tax on {@code fee}, rounded down to the currency's minor unit. */
        public Money on(Money fee) {
            return Money.of(Math.multiplyExact(fee.minor(), basisPoints) / 10_000, fee.currencyCode());
        }
    }
}
