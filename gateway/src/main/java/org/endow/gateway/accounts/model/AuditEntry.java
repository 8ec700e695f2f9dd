package org.endow.gateway.accounts.model;

import java.time.Instant;

/** Who did what to whom, kept forever. */
public record AuditEntry(String actor, String action, String target, String details, Instant at) {}
