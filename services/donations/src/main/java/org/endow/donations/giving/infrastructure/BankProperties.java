package org.endow.donations.giving.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code endow.donations.bank.*} (e.g. {@code ENDOW_DONATIONS_BANK_IBAN}): where donors send bank
 * transfers and cheques, as the payment instructions state it. The defaults name no real account.
 */
@ConfigurationProperties("endow.donations.bank")
record BankProperties(
        @Bindable(defaultValue = "Endow Foundation") String accountName,

        @Bindable(defaultValue = "not configured yet: ask the foundation")
        String iban,

        @Bindable(defaultValue = "not configured yet") String bic,

        @Bindable(defaultValue = "address not configured yet: ask the foundation")
        String chequeAddress) {}
