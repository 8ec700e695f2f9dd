package org.endow.grants.proposals.model;

import java.time.Instant;

/** One thing that happened to a proposal, for its history (the audit log keeps the same). */
public record Step(Instant at, String actor, String action, String note) {}
