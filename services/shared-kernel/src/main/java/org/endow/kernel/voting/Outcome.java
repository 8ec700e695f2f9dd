package org.endow.kernel.voting;

/** How a vote ended. */
public enum Outcome {
    /** The threshold was reached. */
    PASSED,
    /** The threshold was not reached. */
    REJECTED,
    /** As many yes as no and the threshold not reached: a deadlock the caller may escalate (grants: to the Board). */
    TIED,
    /** Too few members took part for the vote to count (no ballot at all is also this). */
    NO_QUORUM,
    /** A holder of a veto right voted no under a rule where vetoes apply. */
    VETOED
}
