package org.endow.sponsors.sponsorships.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.kernel.Money;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.junit.jupiter.api.Test;

/** An issued invoice asks for what it was issued with, whatever the tax settings say since. */
class SponsorshipTermsTest {

    static final Money FEE = Money.of(1_500_000, "USD");

    static SponsorshipTerms taxed(Integer... basisPoints) {
        return new SponsorshipTerms(
                new SponsorshipDocuments.Foundation("PSF", "Wilmington", "", "Deb", "ED"),
                "staff@psf.test",
                "https://portal.test",
                30,
                java.util.Arrays.stream(basisPoints)
                        .map(bp -> new SponsorshipTerms.Tax("Tax " + bp, bp))
                        .toList(),
                new SponsorshipDocuments.Bank("PSF", "GB00", "BIC", ""),
                Map.of(),
                false);
    }

    static Sponsorship invoiced(Money keptTax) {
        return new Sponsorship(
                UUID.randomUUID(),
                "acct-1",
                new Organisation(
                        "Initech",
                        "",
                        "",
                        "1 Way",
                        List.of(new Organisation.Contact(
                                "Peter", "p@initech.example", Organisation.ContactRole.PRIMARY))),
                new Selection(2022, "supporting", List.of()),
                FEE,
                SponsorshipStatus.EXECUTED,
                LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-12-31"),
                null,
                1,
                null,
                null,
                "INV-2027-0001",
                LocalDate.parse("2027-01-31"),
                keptTax,
                null,
                null,
                Instant.parse("2026-12-01T00:00:00Z"),
                null,
                false);
    }

    @Test
    void an_issued_invoice_asks_for_its_kept_total_after_the_tax_settings_change() {
        SponsorshipTerms atIssue = taxed(2000);
        Money tax = atIssue.tax(FEE);
        assertEquals(Money.of(300_000, "USD"), tax);
        Sponsorship s = invoiced(tax);

        SponsorshipTerms later = taxed(2500, 100);
        assertEquals(Money.of(1_890_000, "USD"), later.invoiceTotal(FEE), "an invoice issued now");
        assertEquals(Money.of(1_800_000, "USD"), later.invoiceTotal(s), "the issued one");
        assertEquals(Money.of(300_000, "USD"), later.invoiceTax(s));
        assertEquals(Money.of(1_800_000, "USD"), taxed().invoiceTotal(s), "the tax removed since");
    }

    @Test
    void an_invoice_issued_before_its_figures_were_kept_falls_back_to_the_tax_settings_of_today() {
        Sponsorship legacy = invoiced(null);
        assertEquals(Money.of(1_800_000, "USD"), taxed(2000).invoiceTotal(legacy));
        assertEquals(Money.of(300_000, "USD"), taxed(2000).invoiceTax(legacy));
        assertEquals(FEE, taxed().invoiceTotal(legacy));
        assertEquals(Money.zero("USD"), taxed().invoiceTax(legacy));
    }
}
