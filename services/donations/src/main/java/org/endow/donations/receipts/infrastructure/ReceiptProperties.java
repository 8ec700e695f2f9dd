package org.endow.donations.receipts.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code endow.donations.receipts.*}: the foundation as its receipts name it (env e.g. {@code
 * ENDOW_DONATIONS_RECEIPTS_TAX_ID}), the time zone whose calendar dates and years receipts use, and the
 * month the fiscal year starts in (annual statements; {@code ENDOW_DONATIONS_RECEIPTS_FISCAL_YEAR_START_MONTH}).
 */
@ConfigurationProperties("endow.donations.receipts")
record ReceiptProperties(
        @Bindable(defaultValue = "Endow Foundation") String foundationName,

        @Bindable(defaultValue = "9450 SW Gemini Dr, ECM# 90772, Beaverton, OR 97008, USA")
        String address,

        @Bindable(defaultValue = "EIN 00-0000000 (set ENDOW_DONATIONS_RECEIPTS_TAX_ID)")
        String taxId,

        @Bindable(defaultValue = "The Treasurer") String signatory,
        @Bindable(defaultValue = "UTC") String timeZone,
        @Bindable(defaultValue = "1") int fiscalYearStartMonth) {}
