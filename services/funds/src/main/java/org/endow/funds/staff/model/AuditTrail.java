package org.endow.funds.staff.model;

import java.time.Instant;

/** Every staff decision on the funds, kept forever. */
public interface AuditTrail {

    void record(String actor, String action, String target, String details, Instant at);

    /** The latest entries, newest first. */
    java.util.List<Entry> latest(int limit);

    record Entry(String actor, String action, String target, String details, Instant at) {}
}
