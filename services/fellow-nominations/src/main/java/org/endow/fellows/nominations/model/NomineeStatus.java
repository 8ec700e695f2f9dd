package org.endow.fellows.nominations.model;

/** Where a nominee is. */
public enum NomineeStatus {
    /** Nominated; the work group has not verified the nomination yet. */
    NOMINATED,
    /** The work group asked the nominators for three references. */
    REFERENCES_REQUESTED,
    /** Verified: the work group votes on it in the cycle's review window. */
    VERIFIED,
    /** Approved by the vote; invited to accept. */
    ELECTED,
    /** Accepted: on the public roster. */
    FELLOW,
    /** Not approved within a year of the first nomination. */
    EXPIRED,
    /**
     * Merged into another nominee (the same person): by staff, or on accepting a second election of
     * someone already a Fellow.
     */
    MERGED
}
