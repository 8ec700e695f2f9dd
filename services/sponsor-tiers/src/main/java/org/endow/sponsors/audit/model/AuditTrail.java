package org.endow.sponsors.audit.model;

import java.time.Instant;
import java.util.List;

/** Every staff decision on sponsorships, kept forever. */
public interface AuditTrail {

    void record(String actor, String action, String target, String details, Instant at);

    /** The latest entries, newest first. */
    List<Entry> latest(int limit);

    record Entry(String actor, String action, String target, String details, Instant at) {}
}
