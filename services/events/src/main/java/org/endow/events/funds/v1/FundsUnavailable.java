package org.endow.events.funds.v1;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A grant's amount cannot be reserved: the item holds less than requested (or cannot fund it).
 *
 * @param grantId the grant (also the aggregate id)
 * @param fundCode the funded item
 * @param requestedMinor what was asked for, in minor units
 * @param availableMinor what is available on the item now, in minor units
 * @param currency ISO 4217 code
 * @param reason for a person: why it cannot be reserved
 */
@Serdeable
public record FundsUnavailable(
        String grantId, String fundCode, long requestedMinor, long availableMinor, String currency, String reason) {}
