package org.endow.events.grants.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Staff paid one milestone of an awarded grant: the funds ledger records the money leaving the item,
 * and that much of the grant's reservation becomes disbursed.
 *
 * @param grantId the grant proposal's id (also the aggregate id)
 * @param fundCode the funded item the grant draws on (where its money is reserved)
 * @param milestone the milestone paid, from 1
 * @param amountMinor the amount paid, in minor units, positive
 * @param currency ISO 4217 code
 * @param disbursedAt when staff released the payment
 */
@Serdeable
public record GrantDisbursed(
        String grantId, String fundCode, int milestone, long amountMinor, String currency, Instant disbursedAt) {}
