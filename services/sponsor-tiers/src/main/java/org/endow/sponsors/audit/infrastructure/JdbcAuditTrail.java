package org.endow.sponsors.audit.infrastructure;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.endow.platform.audit.AuditRecords;
import org.endow.sponsors.audit.model.AuditTrail;

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
