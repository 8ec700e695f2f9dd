package org.endow.gateway.accounts.model;

import java.util.List;

public interface AuditLog {

    void record(AuditEntry entry);

    List<AuditEntry> latest(int limit);
}
