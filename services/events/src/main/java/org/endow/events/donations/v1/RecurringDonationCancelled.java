package org.endow.events.donations.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A monthly card gift ended: no further monthly payments will come.
 *
 * @param recurringGiftId the monthly gift's id (also the aggregate id)
 * @param donorId the donor's account id; absent for a guest
 * @param fundCode the funded item's code
 * @param cancelledAt when it ended
 * @param reason why, e.g. "cancelled by the donor", as far as known
 */
@Serdeable
public record RecurringDonationCancelled(
        String recurringGiftId,
        @Nullable String donorId,
        String fundCode,
        Instant cancelledAt,
        @Nullable String reason) {}
