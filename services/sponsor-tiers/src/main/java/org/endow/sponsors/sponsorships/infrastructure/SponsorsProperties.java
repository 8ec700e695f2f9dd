package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code endow.sponsors.*} (env e.g. {@code ENDOW_SPONSORS_STAFF_EMAIL}, {@code ENDOW_SPONSORS_IBAN}):
 * who is told of applications, the portal's address, the foundation as contracts and invoices name
 * it, payment terms, the invoice's tax line and the bank account. The defaults name no real account.
 *
 * @param vettingRequired {@code ENDOW_SPONSORS_VETTING_REQUIRED}: staff record a passed code-of-conduct
 *     vetting before they may approve an application
 * @param taxBasisPoints the tax rate of the invoice's tax line in basis points (0: the line shows
 *     the exemption)
 */
@ConfigurationProperties("endow.sponsors")
record SponsorsProperties(
        @Bindable(defaultValue = "sponsors@endow.local") String staffEmail,
        @Bindable(defaultValue = "http://localhost:8080") String portalUrl,
        @Bindable(defaultValue = "30") int paymentTermsDays,
        @Bindable(defaultValue = "Endow Foundation") String foundationName,

        @Bindable(defaultValue = "9450 SW Gemini Dr, ECM# 90772, Beaverton, OR 97008, USA")
        String foundationAddress,

        @Bindable(defaultValue = "EIN 00-0000000 (set ENDOW_SPONSORS_TAX_ID)")
        String taxId,

        @Bindable(defaultValue = "The Executive Director") String signatory,
        @Bindable(defaultValue = "Executive Director") String signatoryTitle,

        @Bindable(defaultValue = "Sales tax (exempt: 501(c)(3) public charity)")
        String taxLabel,

        @Bindable(defaultValue = "0") int taxBasisPoints,
        @Bindable(defaultValue = "Endow Foundation") String bankAccountName,

        @Bindable(defaultValue = "not configured yet: ask the foundation")
        String iban,

        @Bindable(defaultValue = "not configured yet") String bic,
        @io.micronaut.core.annotation.Nullable java.util.Map<String, String> placements,
        @Bindable(defaultValue = "false") boolean vettingRequired) {}
