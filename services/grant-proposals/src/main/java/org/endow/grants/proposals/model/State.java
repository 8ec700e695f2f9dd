package org.endow.grants.proposals.model;

/** Where a proposal is in its life. */
public enum State {
    DRAFT,
    SUBMITTED,
    MORE_INFO_REQUESTED,
    CLOSED,
    FAST_TRACK,
    DISCUSSION,
    VOTING,
    ESCALATED,
    REJECTED,
    FUNDS_REQUESTED,
    FUNDS_RESERVED,
    FUNDS_UNAVAILABLE,
    AWARDED,
    ACTIVE,
    COMPLETED;

    /** Decided for good: nothing more happens to it. */
    public boolean isFinal() {
        return this == CLOSED || this == REJECTED || this == COMPLETED;
    }

    /** Counts against the organisation's yearly cap: asked and not (yet) refused. */
    public boolean commitsMoney() {
        return this != DRAFT && !(this == CLOSED || this == REJECTED);
    }
}
