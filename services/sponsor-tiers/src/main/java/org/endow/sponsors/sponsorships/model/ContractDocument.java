package org.endow.sponsors.sponsorships.model;

import java.time.Instant;

/**
 * One stored version of a sponsorship's contract: each revision's draft, the copy the sponsor signed
 * and the executed copy. Never changed once stored.
 */
public record ContractDocument(int revision, Kind kind, String sha256, Instant createdAt) {

    public enum Kind {
        DRAFT,
        SIGNED,
        EXECUTED,
        INVOICE
    }
}
