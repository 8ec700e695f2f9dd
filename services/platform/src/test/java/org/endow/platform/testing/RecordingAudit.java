package org.endow.platform.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.endow.platform.audit.Audit;

/** An in-memory {@link Audit} for use-case tests: remembers every decision recorded. */
public final class RecordingAudit implements Audit {

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void record(String actor, String action, String target, String details, Instant at) {
        entries.add(new Entry(actor, action, target, details, at));
    }

    @Override
    public List<Entry> latest(int limit) {
        return entries.reversed().stream().limit(limit).toList();
    }

    /** Every entry, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean has(String action) {
        return entries.stream().anyMatch(e -> e.action().equals(action));
    }
}
