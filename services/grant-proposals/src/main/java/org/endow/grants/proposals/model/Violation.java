package org.endow.grants.proposals.model;

/** One field of a proposal breaking the policy, said so that the applicant can fix it. */
public record Violation(String field, String message) {}
