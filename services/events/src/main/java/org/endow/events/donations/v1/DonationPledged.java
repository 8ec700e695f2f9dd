package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A donor promised a gift: not money yet. The funds ledger counts it as pledged to the item.
 *
 * @param donationId the donation's id (also the aggregate id)
 * @param donorId the gateway account id of the donor; absent for a guest's gift (public donate page)
 * @param amountMinor the amount in the currency's minor unit (cents), always positive
 * @param currency ISO 4217 code
 * @param fundCode the funded item's code, {@code general} for the general fund
 * @param method how the donor will pay: {@code BANK_TRANSFER}, {@code CHEQUE} or {@code CARD}
 * @param pledgedAt when the pledge was made
 */
@Serdeable
public record DonationPledged(
        String donationId,
        @Nullable String donorId,
        long amountMinor,
        String currency,
        String fundCode,
        String method,
        Instant pledgedAt) {}
