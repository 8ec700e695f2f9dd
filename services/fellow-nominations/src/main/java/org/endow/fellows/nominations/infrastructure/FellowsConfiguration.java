package org.endow.fellows.nominations.infrastructure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.endow.fellows.nominations.application.FellowsPolicy;
import org.endow.fellows.nominations.model.CycleCalendar;
import org.endow.kernel.voting.VotingRule;

/** The policy from configuration, checked at start: a wrong setting stops the service, not a vote. */
@Factory
class FellowsConfiguration {

    @Context
    FellowsPolicy policy(FellowsProperties p) {
        CycleCalendar calendar;
        try {
            calendar = p.cutOffs() == null || p.cutOffs().isEmpty()
                    ? CycleCalendar.psf()
                    : new CycleCalendar(
                            p.cutOffs().stream()
                                    .map(s -> MonthDay.parse("--" + s.strip(), DateTimeFormatter.ofPattern("--MM-dd")))
                                    .toList(),
                            p.reviewEndDay());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "endow.fellows.cut-offs must be month-days like 02-20: " + e.getMessage(), e);
        }
        VotingRule rule = switch (p.rule()) {
            case "MAJORITY_OF_CAST" -> VotingRule.majorityOfCast();
            case "TWO_THIRDS_OF_CAST" -> VotingRule.twoThirdsOfCast();
            default ->
                throw new IllegalStateException(
                        "endow.fellows.rule must be MAJORITY_OF_CAST or TWO_THIRDS_OF_CAST, not " + p.rule());
        };
        if (p.quorumPercent() > 0) {
            rule = rule.withQuorum(p.quorumPercent());
        }
        if (p.veto()) {
            rule = rule.withVeto();
        }
        String name = (p.rule().equals("MAJORITY_OF_CAST")
                        ? "more than half of the votes cast"
                        : "two thirds of the votes cast")
                + ", conflicts excluded" + (p.quorumPercent() > 0 ? ", quorum " + p.quorumPercent() + " %" : "")
                + (p.veto() ? ", veto applies" : "");
        return new FellowsPolicy(
                calendar,
                rule,
                name,
                p.activeForMonths(),
                p.reminderDays(),
                p.tellNomineeOnlyWhenApproved(),
                p.portalUrl());
    }
}
