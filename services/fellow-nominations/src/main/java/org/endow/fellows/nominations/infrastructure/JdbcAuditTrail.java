package org.endow.fellows.nominations.infrastructure;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.endow.fellows.nominations.model.AuditTrail;
import org.endow.platform.audit.AuditRecords;

/** The audit port on the platform's {@code audit_log} writer, in the caller's transaction. */
@Singleton
class JdbcAuditTrail implements AuditTrail {

    private final AuditRecords records;

    JdbcAuditTrail(AuditRecords records) {
        this.records = records;
    }

    @Override
    public void record(String actor, String action, String target, String details, Instant at) {
        records.record(actor, action, target, details, at);
    }

    @Override
    public List<Entry> latest(int limit) {
        return records.latest(limit).stream()
                .map(e -> new Entry(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }
}
