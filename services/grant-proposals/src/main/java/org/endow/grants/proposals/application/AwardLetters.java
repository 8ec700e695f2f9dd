package org.endow.grants.proposals.application;

import org.endow.grants.proposals.model.Proposal;

/** Renders the award letter: terms, milestones, reporting duties. */
public interface AwardLetters {

    byte[] render(Proposal proposal);
}
