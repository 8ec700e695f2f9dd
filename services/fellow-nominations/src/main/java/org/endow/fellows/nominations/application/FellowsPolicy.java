package org.endow.fellows.nominations.application;

import org.endow.fellows.nominations.model.CycleCalendar;
import org.endow.kernel.voting.VotingRule;

/**
 * The process as configured: the calendar, the voting rule, how long a nominee stays active, when the
 * work group is reminded, whether nominees hear of a nomination before it is approved.
 */
public record FellowsPolicy(
        CycleCalendar calendar,
        VotingRule rule,
        String ruleName,
        int activeForMonths,
        int reminderDays,
        boolean tellNomineeOnlyWhenApproved,
        String portalUrl) {}
