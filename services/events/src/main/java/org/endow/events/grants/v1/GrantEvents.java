package org.endow.events.grants.v1;

import org.endow.events.EventType;
import org.endow.events.Topics;

/** The grant-proposals context's integration events, version 1. */
public final class GrantEvents {

    public static final EventType<GrantApprovalRequested> GRANT_APPROVAL_REQUESTED =
            new EventType<>("grants.GrantApprovalRequested", 1, Topics.GRANTS_V1, GrantApprovalRequested.class);

    public static final EventType<GrantWithdrawn> GRANT_WITHDRAWN =
            new EventType<>("grants.GrantWithdrawn", 1, Topics.GRANTS_V1, GrantWithdrawn.class);

    public static final EventType<GrantDisbursed> GRANT_DISBURSED =
            new EventType<>("grants.GrantDisbursed", 1, Topics.GRANTS_V1, GrantDisbursed.class);

    private GrantEvents() {}
}
