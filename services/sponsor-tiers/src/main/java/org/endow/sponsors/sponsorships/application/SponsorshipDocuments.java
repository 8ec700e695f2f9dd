package org.endow.sponsors.sponsorships.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.endow.kernel.Money;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Sponsorship;

/** Renders the contract and the invoice (PDF). */
public interface SponsorshipDocuments {

    byte[] contract(Contract contract);

    byte[] invoice(Invoice invoice);

    /** The foundation as contracts and invoices name it. */
    record Foundation(String name, String address, String taxId, String signatory, String signatoryTitle) {}

    record Clause(String title, String text) {}

    record BenefitLine(String name, String program, int quantity) {}

    /**
     * @param draftSha256 for a signed or executed copy: the SHA-256 of the draft the sponsor signed, printed on it
     */
    record Contract(
            Foundation foundation,
            String sponsorshipId,
            int revision,
            Organisation organisation,
            int year,
            String packageName,
            List<BenefitLine> benefits,
            List<Clause> clauses,
            Money fee,
            int paymentTermsDays,
            LocalDate start,
            LocalDate end,
            Sponsorship.Signature sponsor,
            Sponsorship.Signature foundationSignature,
            String draftSha256,
            Instant generatedAt) {}

    record InvoiceLine(String description, Money amount) {}

    record TaxLine(String label, Money amount) {}

    record Bank(String accountName, String iban, String bic, String reference) {}

    record Invoice(
            Foundation foundation,
            String number,
            LocalDate issued,
            LocalDate due,
            Organisation billTo,
            List<InvoiceLine> lines,
            Money subtotal,
            List<TaxLine> taxes,
            Money total,
            Bank bank) {}
}
