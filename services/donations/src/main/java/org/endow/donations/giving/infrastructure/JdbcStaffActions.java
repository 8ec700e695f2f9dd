package org.endow.donations.giving.infrastructure;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.endow.donations.giving.model.StaffActions;
import org.endow.platform.audit.AuditRecords;

@Singleton
class JdbcStaffActions implements StaffActions {

    private final AuditRecords records;

    JdbcStaffActions(AuditRecords records) {
        this.records = records;
    }

    @Override
    public void record(String actor, String action, String target, String details, Instant at) {
        records.record(actor, action, target, details, at);
    }
}
