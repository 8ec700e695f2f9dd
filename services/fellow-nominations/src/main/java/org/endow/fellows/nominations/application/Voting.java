package org.endow.fellows.nominations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.fellows.nominations.model.Cycle;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominations;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.Nominees;
import org.endow.fellows.nominations.model.Results;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.HumanTime;
import org.endow.kernel.voting.Ballot;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.Tally;
import org.endow.platform.audit.Audit;
import org.endow.platform.problem.ProblemException;

/**
 * The work group votes during the review window (yes, no, abstain, or a declared conflict, which
 * does not count); a second vote replaces the first and the answer says so. The tally closes when
 * the window ends — or earlier, when every member has voted — and decides under the configured rule:
 * elected, carried to the next cycle, or expired a year after the first nomination. Members who
 * have not voted are reminded before the window closes. Decisions are audited; nominators (and an
 * elected nominee) are emailed.
 */
@Singleton
public class Voting {

    static final String ACCEPTANCE = "acceptance";

    private final Nominees nominees;
    private final Nominations nominations;
    private final WorkGroup workGroup;
    private final Results results;
    private final Tokens tokens;
    private final FellowMails mails;
    private final Audit audit;
    private final FellowsPolicy policy;
    private final Clock clock;

    Voting(
            Nominees nominees,
            Nominations nominations,
            WorkGroup workGroup,
            Results results,
            Tokens tokens,
            FellowMails mails,
            Audit audit,
            FellowsPolicy policy,
            Clock clock) {
        this.nominees = nominees;
        this.nominations = nominations;
        this.workGroup = workGroup;
        this.results = results;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** @param replaced the member had voted before: this vote replaced that one */
    public record Cast(Choice choice, boolean replaced, boolean closed, Nominee nominee) {}

    @Transactional
    public Cast vote(String memberId, UUID nomineeId, Choice choice) {
        WorkGroup.Member member = workGroup
                .member(memberId)
                .orElseThrow(() -> new ProblemException(
                        io.micronaut.http.HttpStatus.FORBIDDEN,
                        "Not a member",
                        "Only members of the Fellow Work Group vote",
                        List.of()));
        Nominee nominee =
                nominees.lock(nomineeId).orElseThrow(() -> ProblemException.notFound("No nominee " + nomineeId));
        LocalDate today = today();
        Cycle cycle = nominee.cycle();
        if (!cycle.reviewing(today)) {
            throw ProblemException.conflict("Voting on cycle " + cycle.label() + " is open from "
                    + HumanTime.day(cycle.cutOff().plusDays(1)) + " to " + HumanTime.day(cycle.reviewEnd())
                    + "; today is "
                    + HumanTime.day(today));
        }
        try {
            nominee.checkVotable();
        } catch (Nominee.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage() + " (only a verified nominee is voted on)");
        }
        boolean replaced = workGroup.vote(nomineeId, cycle.label(), member.accountId(), choice);
        audit.record(
                member.accountId(),
                "vote.cast",
                "nominee:" + nomineeId,
                cycle.label() + (replaced ? " (replaced)" : ""),
                clock.instant());
        Tally tally = tally(nominee);
        boolean closed = false;
        if (tally.everyoneVoted()) {
            close(nominee, tally, "everyone voted");
            closed = true;
        }
        return new Cast(choice, replaced, closed, nominee);
    }

    /** Closes every nominee whose review window has ended (run by the deadline job with the service's clock). */
    @Transactional
    public int closeDue() {
        int closed = 0;
        for (Nominee nominee : nominees.reviewEndedBefore(today())) {
            Nominee locked = nominees.lock(nominee.id()).orElseThrow();
            if (!locked.active() || !locked.cycle().reviewOver(today())) {
                continue;
            }
            close(locked, locked.status() == NomineeStatus.VERIFIED ? tally(locked) : null, "the review window closed");
            closed++;
        }
        return closed;
    }

    /** Reminds members who have not voted, {@code reminderDays} before a window closes; once per nominee and cycle. */
    @Transactional
    public int remind() {
        LocalDate today = today();
        Cycle cycle = policy.calendar().cycleFor(today.minusMonths(2));
        int sent = 0;
        for (int i = 0; i < 3; i++, cycle = policy.calendar().next(cycle)) {
            if (!cycle.reviewing(today) || today.isBefore(cycle.reviewEnd().minusDays(policy.reminderDays()))) {
                continue;
            }
            for (Nominee nominee : nominees.inCycle(cycle.label())) {
                if (nominee.status() != NomineeStatus.VERIFIED) {
                    continue;
                }
                Map<String, Choice> votes = workGroup.votes(nominee.id(), cycle.label());
                for (WorkGroup.Member member : workGroup.members()) {
                    if (!votes.containsKey(member.accountId())
                            && workGroup.reminded(nominee.id(), cycle.label(), member.accountId())) {
                        mails.reminder(member, nominee);
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    Tally tally(Nominee nominee) {
        List<WorkGroup.Member> members = workGroup.members();
        Map<String, Choice> votes =
                workGroup.votes(nominee.id(), nominee.cycle().label());
        List<Ballot> ballots = new ArrayList<>();
        for (WorkGroup.Member member : members) {
            Choice choice = votes.get(member.accountId());
            if (choice != null) {
                ballots.add(new Ballot(member.accountId(), choice, member.veto()));
            }
        }
        return policy.rule().tally(members.size(), ballots);
    }

    private void close(Nominee nominee, Tally tally, String why) {
        Cycle cycle = nominee.cycle();
        Cycle next = policy.calendar().next(cycle);
        Nominee.Decision decision =
                nominee.decide(tally, next, nominee.firstNominated().plusMonths(policy.activeForMonths()));
        nominees.update(nominee);
        results.record(new Results.Result(
                nominee.id(),
                nominee.name(),
                cycle.label(),
                tally == null ? 0 : tally.yes(),
                tally == null ? 0 : tally.no(),
                tally == null ? 0 : tally.abstain(),
                tally == null ? 0 : tally.conflict(),
                tally == null ? 0 : tally.notVoted(),
                decision.name() + (tally == null ? " (not verified in time)" : "")));
        audit.record(
                "system",
                "vote.closed",
                "nominee:" + nominee.id(),
                cycle.label() + ": " + decision + " (" + why + ")" + (tally == null ? "" : "; " + tally.explanation()),
                clock.instant());
        for (Nomination n : nominations.of(nominee.id())) {
            mails.decided(n, nominee, decision);
        }
        if (decision == Nominee.Decision.ELECTED) {
            mails.invited(nominee, tokens.issue(ACCEPTANCE, nominee.id()));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
