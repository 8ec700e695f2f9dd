package org.endow.events.grants.v1;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A grant will not go ahead (withdrawn, rejected after reservation, or cancelled): its reserved
 * funds, if any, are released.
 *
 * @param grantId the grant proposal's id (also the aggregate id)
 * @param reason why, for the audit trail
 * @param withdrawnAt when
 */
@Serdeable
public record GrantWithdrawn(String grantId, String reason, Instant withdrawnAt) {}
