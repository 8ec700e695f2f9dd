package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.sponsors.sponsorships.application.SponsorshipDocuments;
import org.endow.sponsors.sponsorships.application.SponsorshipTerms;

@Factory
class SponsorshipsConfiguration {

    @Singleton
    SponsorshipTerms terms(SponsorsProperties p) {
        if (p.paymentTermsDays() < 0 || p.taxBasisPoints() < 0 || p.taxBasisPoints() > 10_000) {
            throw new IllegalStateException("endow.sponsors: payment terms and the tax rate must be sensible");
        }
        return new SponsorshipTerms(
                new SponsorshipDocuments.Foundation(
                        p.foundationName(), p.foundationAddress(), p.taxId(), p.signatory(), p.signatoryTitle()),
                p.staffEmail(),
                p.portalUrl(),
                p.paymentTermsDays(),
                List.of(new SponsorshipTerms.Tax(p.taxLabel(), p.taxBasisPoints())),
                new SponsorshipDocuments.Bank(p.bankAccountName(), p.iban(), p.bic(), ""),
                p.placements() == null || p.placements().isEmpty()
                        ? java.util.Map.of(
                                "home", "core-dev-in-residence",
                                "sponsors", "psf-sponsors-page-logo",
                                "pypi", "pypi-footer-logo",
                                "docs", "packaging-docs-logo")
                        : p.placements(),
                p.vettingRequired());
    }
}
