package org.endow.donations.unmatched.application;

/** @param staffEmail where donations staff are mailed ({@code endow.donations.staff.email}) */
public record UnmatchedSettings(String staffEmail) {}
