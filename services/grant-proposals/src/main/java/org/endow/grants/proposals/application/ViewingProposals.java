package org.endow.grants.proposals.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.endow.grants.committee.model.Members;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Proposals;
import org.endow.grants.proposals.model.State;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;

/** The applicant's proposals, the working group's queue and pending votes, and staff's lists and totals. */
@Singleton
public class ViewingProposals {

    private final Proposals proposals;
    private final Members members;
    private final AuditTrail audit;

    ViewingProposals(Proposals proposals, Members members, AuditTrail audit) {
        this.proposals = proposals;
        this.members = members;
        this.audit = audit;
    }

    /** Staff: the latest decisions on grants and their policy, newest first. */
    @Transactional(readOnly = true)
    public List<AuditTrail.Entry> auditLog(int limit) {
        return audit.latest(limit);
    }

    @Transactional(readOnly = true)
    public List<Proposal> mine(String applicantId) {
        return proposals.byApplicant(applicantId);
    }

    /** One proposal: its applicant, the working group, staff and the Board may see it; others get 404. */
    @Transactional(readOnly = true)
    public Proposal one(Caller caller, String id) {
        Proposal proposal = proposals.find(id).orElseThrow(() -> ProblemException.notFound("No proposal " + id));
        if (!proposal.applicant().accountId().equals(caller.accountId()) && !isReviewer(caller)) {
            throw ProblemException.notFound("No proposal " + id);
        }
        return proposal;
    }

    public boolean isReviewer(Caller caller) {
        return caller.has(Roles.STAFF) || caller.has(Roles.ADMIN) || caller.has(Roles.GRANTS_WG);
    }

    /** The working group's queue: everything under review, optionally in one state. */
    @Transactional(readOnly = true)
    public List<Proposal> queue(State state) {
        List<State> states = state == null
                ? List.of(
                        State.SUBMITTED,
                        State.MORE_INFO_REQUESTED,
                        State.FAST_TRACK,
                        State.DISCUSSION,
                        State.VOTING,
                        State.ESCALATED)
                : List.of(state);
        return proposals.inStates(states);
    }

    /** Open votes this member has not voted in yet. */
    @Transactional(readOnly = true)
    public List<Proposal> pendingVotes(String memberId) {
        if (members.find(memberId).isEmpty()) {
            return List.of();
        }
        return proposals.inStates(List.of(State.VOTING)).stream()
                .filter(p -> p.electorate().contains(memberId))
                .filter(p -> p.votes().stream().noneMatch(v -> v.memberId().equals(memberId)))
                .toList();
    }

    /** Staff: all proposals, filtered (null filters match everything), newest first. */
    @Transactional(readOnly = true)
    public List<Proposal> all(Filter filter) {
        return proposals.all().stream()
                .filter(p -> filter.state() == null || p.state() == filter.state())
                .filter(p -> filter.category() == null
                        || filter.category().equals(p.application().categoryCode()))
                .filter(p -> filter.organisation() == null
                        || (p.application().organisation() != null
                                && p.application()
                                        .organisation()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .contains(filter.organisation().toLowerCase(java.util.Locale.ROOT))))
                .sorted(Comparator.comparing((Proposal p) -> p.data().createdAt())
                        .reversed())
                .toList();
    }

    /** Requested (submitted) and awarded amounts per category and quarter of submission, minor units. */
    @Transactional(readOnly = true)
    public List<Total> totals() {
        Map<String, long[]> sums = new TreeMap<>();
        for (Proposal p : proposals.all()) {
            if (p.submittedAt() == null) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(p.submittedAt(), ZoneOffset.UTC);
            String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            long[] sum = sums.computeIfAbsent(
                    p.application().categoryCode() + "|" + quarter + "|"
                            + p.application().currency(),
                    k -> new long[2]);
            sum[0] += p.application().amountMinor();
            if (p.awardedAt() != null) {
                sum[1] += p.application().amountMinor();
            }
        }
        return sums.entrySet().stream()
                .map(e -> {
                    String[] key = e.getKey().split("\\|");
                    return new Total(key[0], key[1], key[2], e.getValue()[0], e.getValue()[1]);
                })
                .toList();
    }

    public record Filter(State state, String category, String organisation) {}

    public record Total(String category, String quarter, String currency, long requestedMinor, long awardedMinor) {}
}
