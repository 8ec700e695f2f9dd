package org.endow.donations.receipts.infrastructure;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import org.endow.donations.receipts.model.ReceiptContent;

/** Wires what the receipt use cases need from configuration. */
@Factory
class ReceiptsConfiguration {

    @Singleton
    ReceiptContent.Foundation foundation(ReceiptProperties properties) {
        return new ReceiptContent.Foundation(
                properties.foundationName(), properties.address(), properties.taxId(), properties.signatory());
    }

    /** Checked at start: a wrong month stops the service, not a donor's statement. */
    @jakarta.inject.Named("fiscal-year-start-month")
    @io.micronaut.context.annotation.Context
    Integer fiscalYearStartMonth(ReceiptProperties properties) {
        org.endow.donations.receipts.model.AnnualStatement.fiscalYear(2000, properties.fiscalYearStartMonth());
        return properties.fiscalYearStartMonth();
    }

    @Singleton
    ZoneId receiptZone(ReceiptProperties properties) {
        return ZoneId.of(properties.timeZone());
    }
}
