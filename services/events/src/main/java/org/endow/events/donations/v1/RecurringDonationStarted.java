package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A donor's monthly card gift started (the subscription is confirmed). Each month's payment then
 * arrives as {@code DonationPledged} + {@code DonationReceived} of its own; this event carries no
 * money.
 *
 * @param recurringGiftId the monthly gift's id (also the aggregate id)
 * @param donorId the donor's account id; absent for a guest
 * @param monthlyAmountMinor the monthly amount in minor units
 * @param currency ISO 4217 code
 * @param fundCode the funded item's code, {@code general} for the general fund
 * @param startedAt when it started
 */
@Serdeable
public record RecurringDonationStarted(
        String recurringGiftId,
        @Nullable String donorId,
        long monthlyAmountMinor,
        String currency,
        String fundCode,
        Instant startedAt) {}
