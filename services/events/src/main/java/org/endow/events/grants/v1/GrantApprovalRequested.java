package org.endow.events.grants.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Staff want to approve a grant: the funds service must first reserve the money on the item the
 * grant's category draws on, and answers {@code FundsReserved} or {@code FundsUnavailable}.
 *
 * @param grantId the grant proposal's id (also the aggregate id)
 * @param fundCode the funded item the grant draws on
 * @param amountMinor the amount to reserve, in minor units, positive
 * @param currency ISO 4217 code
 * @param requestedAt when approval was requested
 */
@Serdeable
public record GrantApprovalRequested(
        String grantId, String fundCode, long amountMinor, String currency, Instant requestedAt) {}
