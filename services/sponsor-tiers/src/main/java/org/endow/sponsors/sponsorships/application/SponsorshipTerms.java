package org.endow.sponsors.sponsorships.application;

import java.util.List;
import org.endow.kernel.Money;
import org.endow.sponsors.sponsorships.model.Sponsorship;

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
     * What an invoice issued now for {@code fee} would ask for: the fee and every tax configured now.
     * Only the countersignature, which issues the invoice, asks this; an issued invoice keeps what it
     * charged ({@link #invoiceTotal(Sponsorship)}).
     */
    public Money invoiceTotal(Money fee) {
        return fee.plus(tax(fee));
    }

    /** Every tax configured now on {@code fee}, the sum of the tax lines an invoice issued now prints. */
    public Money tax(Money fee) {
        Money tax = Money.zero(fee.currencyCode());
        for (Tax t : taxes) {
            tax = tax.plus(t.on(fee));
        }
        return tax;
    }

    /**
     * What the sponsorship's issued invoice asks for, as it was issued (kept at the countersignature): the
     * card checkout, the card payment check, the overdue reminder and the staff CSV all ask for this.
     * An invoice issued before those figures were kept (migration V7) has none: for it, the taxes
     * configured now, as before; they match the PDF as long as the tax settings have not changed since.
     */
    public Money invoiceTotal(Sponsorship s) {
        Money issued = s.invoiceTotal();
        return issued != null ? issued : invoiceTotal(s.fee());
    }

    /** The tax of the sponsorship's issued invoice; as {@link #invoiceTotal(Sponsorship)}, today's for one issued before V7. */
    public Money invoiceTax(Sponsorship s) {
        Money issued = s.invoiceTax();
        return issued != null ? issued : tax(s.fee());
    }

    public record Tax(String label, int basisPoints) {

        /** This tax on {@code fee}, rounded down to the currency's minor unit. */
        public Money on(Money fee) {
            return Money.of(Math.multiplyExact(fee.minor(), basisPoints) / 10_000, fee.currencyCode());
        }
    }
}
