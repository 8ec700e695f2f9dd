package org.endow.fellows.nominations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.endow.fellows.nominations.model.Cycle;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominations;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.Nominees;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.voting.Choice;
import org.endow.platform.audit.Audit;
import org.endow.platform.problem.ProblemException;

/**
 * The work group verifies nominees or asks their nominators for three references (a link by email;
 * the nominee waits in "references requested" until they are added); staff merge two nominees who
 * are the same person. Every decision is audited.
 */
@Singleton
public class Reviewing {

    static final String REFERENCES = "references";

    private final Nominees nominees;
    private final Nominations nominations;
    private final WorkGroup workGroup;
    private final Tokens tokens;
    private final FellowMails mails;
    private final Audit audit;
    private final FellowsPolicy policy;
    private final Clock clock;

    Reviewing(
            Nominees nominees,
            Nominations nominations,
            WorkGroup workGroup,
            Tokens tokens,
            FellowMails mails,
            Audit audit,
            FellowsPolicy policy,
            Clock clock) {
        this.nominees = nominees;
        this.nominations = nominations;
        this.workGroup = workGroup;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** A nominee on the work group's page: endorsements, and the votes cast so far (counts, and the member's own). */
    public record Entry(Nominee nominee, List<Nomination> endorsements, Map<String, Choice> votes) {}

    /** The cycle being reviewed today (or the next one, before its cut-off) and its nominees. */
    @Transactional(readOnly = true)
    public Page page() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Cycle cycle = policy.calendar().cycleFor(today);
        Cycle previous = previousOf(cycle);
        Cycle shown = previous.reviewing(today) ? previous : cycle;
        List<Entry> entries = nominees.inCycle(shown.label()).stream()
                .map(n -> new Entry(n, nominations.of(n.id()), workGroup.votes(n.id(), shown.label())))
                .toList();
        return new Page(
                shown, shown.reviewing(today), entries, workGroup.members().size());
    }

    public record Page(Cycle cycle, boolean votingOpen, List<Entry> entries, int members) {}

    private Cycle previousOf(Cycle cycle) {
        Cycle candidate = policy.calendar().cycleFor(cycle.cutOff().minusMonths(4));
        Cycle next = policy.calendar().next(candidate);
        while (next.cutOff().isBefore(cycle.cutOff())) {
            candidate = next;
            next = policy.calendar().next(candidate);
        }
        return candidate;
    }

    @Transactional
    public Nominee verify(String member, UUID id) {
        return decide(member, id, "nominee.verified", Nominee::verify);
    }

    @Transactional
    public Nominee requestReferences(String member, UUID id) {
        return decide(member, id, "nominee.references-requested", nominee -> {
            nominee.requestReferences();
            for (Nomination n : nominations.of(nominee.id())) {
                mails.referencesRequested(n, nominee, tokens.issue(REFERENCES, n.id()));
            }
        });
    }

    /** A nominator adds three references through the emailed link; the nominee is then verified. */
    @Transactional
    public Nominee addReferences(String token, List<Nomination.Reference> references) {
        UUID nominationId = tokens.subject(REFERENCES, token)
                .orElseThrow(() -> ProblemException.notFound("This link is not valid"));
        if (references == null || references.size() < 3) {
            throw ProblemException.invalidField("references", "name three people who can speak to the contributions");
        }
        Nomination nomination = nominations.find(nominationId).orElseThrow();
        while (nomination.supersededBy() != null) { // merged: the nominator's standing nomination takes them
            nomination = nominations.find(nomination.supersededBy()).orElseThrow();
        }
        nominations.update(nomination.withReferences(references));
        Nominee nominee = nominees.lock(nomination.nomineeId()).orElseThrow();
        if (nominee.status() == org.endow.fellows.nominations.model.NomineeStatus.REFERENCES_REQUESTED) {
            nominee.verify();
            nominees.update(nominee);
        }
        audit.record(
                "nominator:" + nomination.nominatorAccount(),
                "nominee.references-added",
                "nominee:" + nominee.id(),
                references.size() + " references",
                clock.instant());
        return nominee;
    }

    /**
     * Staff: {@code from} is the same person as {@code into}; its nominations endorse {@code into}. A
     * nominator who nominated both keeps one endorsement: the earlier nomination stands, the later is
     * kept superseded by it (its text stays for the record; it is not listed, counted or mailed).
     */
    @Transactional
    public Nominee merge(String staff, UUID from, UUID into) {
        Nominee target = nominees.lock(into).orElseThrow(() -> ProblemException.notFound("No nominee " + into));
        Nominee merged = nominees.lock(from).orElseThrow(() -> ProblemException.notFound("No nominee " + from));
        try {
            merged.mergeInto(target);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("into", e.getMessage());
        } catch (Nominee.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        Map<String, Nomination> standing = new HashMap<>();
        for (Nomination n : nominations.of(into)) {
            standing.put(n.nominatorAccount(), n);
        }
        StringBuilder details = new StringBuilder("into " + into);
        for (Nomination n : nominations.of(from)) {
            Nomination moved = n.movedTo(into);
            Nomination other = standing.get(n.nominatorAccount());
            if (other == null) {
                nominations.update(moved);
                continue;
            }
            // one nominator, both addresses: their first nomination stands, the second is kept superseded
            Nomination first = moved.before(other) ? moved : other;
            Nomination second = first == moved ? other : moved;
            nominations.update(second.supersededBy(first));
            nominations.update(first);
            details.append("; ")
                    .append(n.nominatorAccount())
                    .append("'s nomination ")
                    .append(second.id())
                    .append(" superseded by their earlier ")
                    .append(first.id());
        }
        nominees.update(merged);
        audit.record(staff, "nominee.merged", "nominee:" + from, details.toString(), clock.instant());
        return target;
    }

    @Transactional
    public WorkGroup.Member saveMember(String staff, WorkGroup.Member member) {
        workGroup.save(member);
        audit.record(
                staff,
                "work-group.member",
                "member:" + member.accountId(),
                member.name() + (member.veto() ? ", veto" : ""),
                clock.instant());
        return member;
    }

    /** Staff: the latest decisions, newest first. */
    @Transactional(readOnly = true)
    public List<Audit.Entry> auditLog(int limit) {
        return audit.latest(limit);
    }

    private Nominee decide(String member, UUID id, String action, Consumer<Nominee> change) {
        Nominee nominee = nominees.lock(id).orElseThrow(() -> ProblemException.notFound("No nominee " + id));
        try {
            change.accept(nominee);
        } catch (Nominee.IllegalTransition e) {
            throw ProblemException.conflict(e.getMessage());
        }
        nominees.update(nominee);
        audit.record(member, action, "nominee:" + id, nominee.name(), clock.instant());
        return nominee;
    }
}
