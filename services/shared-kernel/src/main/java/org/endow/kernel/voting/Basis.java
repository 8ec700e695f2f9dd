package org.endow.kernel.voting;

/** What the threshold is a fraction of. */
public enum Basis {
    /** Yes and no ballots: abstentions, conflicts and members who did not vote are left out. */
    VOTES_CAST,
    /**
     * The eligible members minus those who abstained or declared a conflict (the PSF Grants Working Group: "at least
     * 30 % of voting members vote aye, abstentions excluded"). A member who did not vote counts against.
     */
    ELIGIBLE_MEMBERS
}
