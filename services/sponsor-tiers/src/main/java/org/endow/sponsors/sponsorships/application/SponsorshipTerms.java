package org.endow.sponsors.sponsorships.application;

import java.util.List;

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

    public record Tax(String label, int basisPoints) {}
}
