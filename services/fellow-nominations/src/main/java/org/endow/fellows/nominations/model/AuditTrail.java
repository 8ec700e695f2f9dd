package org.endow.fellows.nominations.model;

import java.time.Instant;
import java.util.List;

/** Every work-group and staff decision on nominees, kept forever; staff can list it. */
public interface AuditTrail {

    void record(String actor, String action, String target, String details, Instant at);

    List<Entry> latest(int limit);

    record Entry(String actor, String action, String target, String details, Instant at) {}
}
