package org.endow.funds.ledger.model;

import java.time.Instant;

/**
 * What staff look for in the ledger; every criterion is optional (null).
 *
 * @param from occurred at or after
 * @param to occurred before
 */
public record LedgerFilter(String fundCode, JournalEntry.EntryKind kind, Instant from, Instant to, int limit) {

    public LedgerFilter {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
