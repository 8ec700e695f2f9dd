package org.endow.events.funds.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A grant's reservation ended without payment: the amount is available again on the item.
 *
 * @param grantId the grant (also the aggregate id)
 * @param fundCode the funded item
 * @param amountMinor the amount released, in minor units
 * @param currency ISO 4217 code
 * @param releasedAt when
 */
@Serdeable
public record FundsReleased(String grantId, String fundCode, long amountMinor, String currency, Instant releasedAt) {}
