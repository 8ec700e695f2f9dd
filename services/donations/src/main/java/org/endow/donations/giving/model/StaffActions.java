package org.endow.donations.giving.model;

import java.time.Instant;

/** The audit trail of staff decisions on donations. */
public interface StaffActions {

    void record(String actor, String action, String target, String details, Instant at);
}
