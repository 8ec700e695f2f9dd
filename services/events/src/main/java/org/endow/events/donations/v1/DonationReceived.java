package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The money of a donation arrived: staff reconciled a bank transfer or cheque (later also a paid
 * card checkout). The funds ledger moves it from pledged to raised.
 *
 * @param donationId the donation's id (also the aggregate id)
 * @param donorId the gateway account id of the donor; absent for a guest's gift (public donate page)
 * @param amountMinor the amount received, in minor units, always positive
 * @param currency ISO 4217 code
 * @param fundCode the funded item's code, {@code general} for the general fund
 * @param method {@code BANK_TRANSFER}, {@code CHEQUE} or {@code CARD}
 * @param receivedAt when the money arrived
 * @param reference the bank or cheque reference staff recorded, if any
 * @param recognition how the donor may be recognised publicly; absent when they did not consent
 */
@Serdeable
public record DonationReceived(
        String donationId,
        @Nullable String donorId,
        long amountMinor,
        String currency,
        String fundCode,
        String method,
        Instant receivedAt,
        @Nullable String reference,
        @Nullable Recognition recognition) {

    /**
     * The donor consented to public recognition (donor lists, annual report).
     *
     * @param anonymous recognised as "Anonymous", without a name
     * @param displayName the name to show, if the donor gave one (else their name)
     * @param dedication the "in honour of ..." text, if any
     */
    @Serdeable
    public record Recognition(
            boolean anonymous,
            @Nullable String displayName,
            @Nullable String dedication) {}
}
