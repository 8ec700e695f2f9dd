package org.endow.sponsors.sponsorships.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.Catalogues;
import org.endow.sponsors.catalogue.model.LegalClause;
import org.endow.sponsors.catalogue.model.Program;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.FeeSplit;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;

/**
 * Turns a sponsorship and its year's catalogue into the contract's and the invoice's content, renders
 * and stores them. The legal clauses are those of the benefits bought, numbered in order.
 */
@Singleton
class ContractContents {

    private final Catalogues catalogues;
    private final SponsorshipDocuments documents;
    private final ContractArchive archive;
    private final SponsorshipTerms terms;
    private final Clock clock;

    ContractContents(
            Catalogues catalogues,
            SponsorshipDocuments documents,
            ContractArchive archive,
            SponsorshipTerms terms,
            Clock clock) {
        this.catalogues = catalogues;
        this.documents = documents;
        this.archive = archive;
        this.terms = terms;
        this.clock = clock;
    }

    Catalogue catalogueOf(Sponsorship s) {
        return catalogues.year(s.selection().year()).orElseThrow();
    }

    List<Selection.Line> lines(Sponsorship s) {
        return s.selection().lines(catalogueOf(s));
    }

    List<FeeSplit.Share> split(Sponsorship s) {
        return FeeSplit.of(s.fee(), lines(s));
    }

    /** Renders and stores this revision's document of {@code kind}; @return its SHA-256. */
    String store(Sponsorship s, ContractDocument.Kind kind, String draftSha256) {
        byte[] pdf = render(s, kind, draftSha256);
        return archive.store(s.id(), s.revision(), kind, pdf);
    }

    byte[] render(Sponsorship s, ContractDocument.Kind kind, String draftSha256) {
        if (kind == ContractDocument.Kind.INVOICE) {
            return documents.invoice(invoice(s));
        }
        Catalogue catalogue = catalogueOf(s);
        List<Selection.Line> lines = s.selection().lines(catalogue);
        List<Program> programs = catalogues.programs();
        List<SponsorshipDocuments.BenefitLine> benefits = lines.stream()
                .map(l -> new SponsorshipDocuments.BenefitLine(
                        l.benefit().name(),
                        programs.stream()
                                .filter(p -> p.code().equals(l.benefit().programCode()))
                                .map(Program::name)
                                .findFirst()
                                .orElse(l.benefit().programCode()),
                        l.quantity()))
                .toList();
        Set<String> clauseCodes = new LinkedHashSet<>();
        lines.forEach(l -> clauseCodes.addAll(l.benefit().clauseCodes()));
        List<SponsorshipDocuments.Clause> clauses = new ArrayList<>();
        for (String code : clauseCodes) {
            catalogue.clauses().stream()
                    .filter(c -> c.code().equals(code))
                    .findFirst()
                    .map((LegalClause c) -> new SponsorshipDocuments.Clause(c.title(), c.text()))
                    .ifPresent(clauses::add);
        }
        String packageName = catalogue
                .sponsorPackage(s.selection().packageCode())
                .map(p -> p.name())
                .orElse(s.selection().packageCode());
        return documents.contract(new SponsorshipDocuments.Contract(
                terms.foundation(),
                s.id().toString(),
                s.revision(),
                s.organisation(),
                s.selection().year(),
                packageName,
                benefits,
                clauses,
                s.fee(),
                terms.paymentTermsDays(),
                s.startDate(),
                s.endDate(),
                kind == ContractDocument.Kind.DRAFT ? null : s.sponsorSignature(),
                kind == ContractDocument.Kind.EXECUTED ? s.foundationSignature() : null,
                draftSha256,
                clock.instant()));
    }

    private SponsorshipDocuments.Invoice invoice(Sponsorship s) {
        Catalogue catalogue = catalogueOf(s);
        String packageName = catalogue
                .sponsorPackage(s.selection().packageCode())
                .map(p -> p.name())
                .orElse(s.selection().packageCode());
        List<SponsorshipDocuments.InvoiceLine> lines = List.of(new SponsorshipDocuments.InvoiceLine(
                packageName + " sponsorship " + s.selection().year()
                        + (s.selection().addOns().isEmpty()
                                ? ""
                                : " with " + s.selection().addOns().size() + " add-on(s)")
                        + term(s),
                s.fee()));
        // issued at the countersignature, in its transaction: the lines of the taxes configured now, which
        // are what the sponsorship keeps as the invoice's tax (SigningContract#countersign)
        List<SponsorshipDocuments.TaxLine> taxes = terms.taxes().stream()
                .map(t -> new SponsorshipDocuments.TaxLine(t.label(), t.on(s.fee())))
                .toList();
        Money tax = taxes.stream()
                .map(SponsorshipDocuments.TaxLine::amount)
                .reduce(Money.zero(s.fee().currencyCode()), Money::plus);
        if (s.invoiceTax() != null && !tax.equals(s.invoiceTax())) {
            throw new IllegalStateException("invoice " + s.invoiceNumber() + " would print a tax of " + tax.withCode()
                    + " but charges " + s.invoiceTax().withCode());
        }
        return new SponsorshipDocuments.Invoice(
                terms.foundation(),
                s.invoiceNumber(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                s.invoiceDue(),
                s.organisation(),
                lines,
                s.fee(),
                taxes,
                terms.invoiceTotal(s),
                new SponsorshipDocuments.Bank(
                        terms.bank().accountName(),
                        terms.bank().iban(),
                        terms.bank().bic(),
                        s.invoiceNumber()));
    }

    private static String term(Sponsorship s) {
        return s.startDate() == null || s.endDate() == null
                ? ""
                : ", " + HumanTime.DOCUMENT_DAY.format(s.startDate()) + " to "
                        + HumanTime.DOCUMENT_DAY.format(s.endDate());
    }
}
