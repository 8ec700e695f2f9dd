package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Money of a received gift was given back (a card refund Stripe confirmed, or a bank/cheque gift
 * staff refunded). The funds ledger takes it out of the item: cash and fund balance both fall.
 *
 * @param donationId the donation's id (also the aggregate id)
 * @param donorId the donor's account id; absent for a guest's gift
 * @param amountMinor what this refund gave back, in minor units, always positive; for a refund Stripe reports after a
 *     lost dispute (made before it), only what that dispute's {@code DonationDisputed} had not already taken out (no
 *     event when it had taken all of it)
 * @param currency ISO 4217 code
 * @param fundCode the funded item's code, {@code general} for the general fund
 * @param totalRefundedMinor everything refunded of this gift so far, this refund included
 * @param fullyRefunded the whole gift has now been given back
 * @param refundedAt when the refund happened
 * @param reference the payment provider's or staff's reference, if any
 */
@Serdeable
public record DonationRefunded(
        String donationId,
        @Nullable String donorId,
        long amountMinor,
        String currency,
        String fundCode,
        long totalRefundedMinor,
        boolean fullyRefunded,
        Instant refundedAt,
        @Nullable String reference) {}
