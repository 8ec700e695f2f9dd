package org.endow.grants.proposals.model;

/** Who applies: the gateway account, and where to write to them. */
public record Applicant(String accountId, String name, String email) {}
