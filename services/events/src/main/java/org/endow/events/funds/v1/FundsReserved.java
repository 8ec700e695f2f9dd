package org.endow.events.funds.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The amount of a grant is set aside on its funded item; no other grant can take it.
 *
 * @param grantId the grant (also the aggregate id)
 * @param fundCode the funded item
 * @param amountMinor the amount reserved, in minor units
 * @param currency ISO 4217 code
 * @param availableAfterMinor what remains available on the item after this reservation
 * @param reservedAt when
 */
@Serdeable
public record FundsReserved(
        String grantId,
        String fundCode,
        long amountMinor,
        String currency,
        long availableAfterMinor,
        Instant reservedAt) {}
