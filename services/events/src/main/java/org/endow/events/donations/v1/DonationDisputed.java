package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A card gift's payment was disputed by the card holder's bank ({@code OPEN}), and later the
 * dispute was {@code WON} (the money stays) or {@code LOST} (the bank took the disputed amount
 * back). The funds ledger takes a lost dispute's amount out of the item, as a refund.
 *
 * @param donationId the donation's id (also the aggregate id)
 * @param status {@code OPEN}, {@code WON} or {@code LOST}
 * @param amountMinor the disputed amount in minor units; for {@code LOST}, what the bank took back: the disputed
 *     amount, at most what refunds had left of the gift
 * @param currency ISO 4217 code
 * @param fundCode the funded item's code
 * @param disputeId the payment provider's dispute reference
 * @param occurredAt when the dispute was opened or closed
 */
@Serdeable
public record DonationDisputed(
        String donationId,
        String status,
        long amountMinor,
        String currency,
        String fundCode,
        @Nullable String disputeId,
        Instant occurredAt) {}
