package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The money of a donation arrived: staff reconciled a bank transfer or cheque (later also a paid
 * card checkout). The funds ledger moves it from pledged to raised.
 *
 * @param donationId the donation's id (also the aggregate id)
 * @param donorId the gateway account id of the donor
 * @param amountMinor the amount received, in minor units, always positive
 * @param currency ISO 4217 code
 * @param fundCode the funded item's code, {@code general} for the general fund
 * @param method {@code BANK_TRANSFER}, {@code CHEQUE} or {@code CARD}
 * @param receivedAt when the money arrived
 * @param reference the bank or cheque reference staff recorded, if any
 */
@Serdeable
public record DonationReceived(
        String donationId,
        String donorId,
        long amountMinor,
        String currency,
        String fundCode,
        String method,
        Instant receivedAt,
        @Nullable String reference) {}
