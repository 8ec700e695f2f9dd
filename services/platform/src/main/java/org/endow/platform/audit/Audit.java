package org.endow.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * Where a use case writes each staff or working-group decision (actor, action, target, details, at)
 * and staff read them back. {@link AuditRecords} keeps them in the service's {@code audit_log}
 * table, in the caller's transaction; use-case tests use the platform test-jar's in-memory
 * {@code RecordingAudit}.
 */
public interface Audit {

    void record(String actor, String action, String target, String details, Instant at);

    /** The latest entries, newest first. */
    List<Entry> latest(int limit);

    record Entry(String actor, String action, String target, String details, Instant at) {}
}
