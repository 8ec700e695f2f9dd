package org.endow.grants.proposals.model;

import java.time.Instant;

/** A working-group discussion comment: visible to the group and staff, not to the applicant. */
public record Comment(String authorId, String authorName, String text, Instant at) {}
