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
    COMPLETED,
    /** Awarded, then withdrawn by staff before it was carried out: what was still reserved is released. */
    WITHDRAWN;

    /** Decided for good: nothing more happens to it. */
    public boolean isFinal() {
        return this == CLOSED || this == REJECTED || this == COMPLETED || this == WITHDRAWN;
    }

    /** Counts against the organisation's yearly cap: asked and not (yet) refused. */
    public boolean commitsMoney() {
        return this != DRAFT && !(this == CLOSED || this == REJECTED || this == WITHDRAWN);
    }

    /** Where an undecided proposal stands, as a sentence says it: "still in the vote". */
    public String whereItStands() {
        return switch (this) {
            case DRAFT -> "a draft";
            case SUBMITTED -> "awaiting review";
            case MORE_INFO_REQUESTED -> "waiting for more information";
            case FAST_TRACK -> "on the fast track";
            case DISCUSSION -> "in discussion";
            case VOTING -> "in the vote";
            case ESCALATED -> "escalated to the board";
            case CLOSED -> "closed";
            case REJECTED -> "rejected";
            case FUNDS_REQUESTED -> "waiting for funds";
            case FUNDS_RESERVED -> "funded, awaiting the award";
            case FUNDS_UNAVAILABLE -> "waiting for funds to become available";
            case AWARDED -> "awarded";
            case ACTIVE -> "active";
            case COMPLETED -> "completed";
            case WITHDRAWN -> "withdrawn";
        };
    }
}
