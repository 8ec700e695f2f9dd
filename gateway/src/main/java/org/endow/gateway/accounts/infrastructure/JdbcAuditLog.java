package org.endow.gateway.accounts.infrastructure;

import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.platform.audit.AuditRecords;

@Singleton
class JdbcAuditLog implements AuditLog {

    private final AuditRecords records;

    JdbcAuditLog(AuditRecords records) {
        this.records = records;
    }

    @Override
    public void record(AuditEntry entry) {
        records.record(entry.actor(), entry.action(), entry.target(), entry.details(), entry.at());
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return records.latest(limit).stream()
                .map(e -> new AuditEntry(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }
}
