package org.endow.gateway.portal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where donors send bank transfers and cheques ({@code endow.portal.bank.*}, e.g.
 * {@code ENDOW_PORTAL_BANK_IBAN}). The defaults name no real account.
 */
@ConfigurationProperties("endow.portal.bank")
record BankDetails(
        @Bindable(defaultValue = "Endow Foundation") String accountName,

        @Bindable(defaultValue = "not configured yet: ask the foundation")
        String iban,

        @Bindable(defaultValue = "not configured yet") String bic,

        @Bindable(defaultValue = "address not configured yet: ask the foundation")
        String chequeAddress) {}
