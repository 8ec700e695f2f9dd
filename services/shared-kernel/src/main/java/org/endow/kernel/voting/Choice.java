package org.endow.kernel.voting;

/** What one member answers. A conflict of interest is declared, not voted: it counts as neither side. */
public enum Choice {
    YES,
    NO,
    ABSTAIN,
    CONFLICT
}
