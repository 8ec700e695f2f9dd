package org.endow.grants.proposals.model;

import java.time.Instant;
import org.endow.kernel.voting.Choice;

/** A member's ballot; CONFLICT declares a conflict of interest (the member recuses). */
public record Vote(String memberId, Choice choice, Instant at) {}
