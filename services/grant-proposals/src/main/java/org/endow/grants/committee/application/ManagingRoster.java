package org.endow.grants.committee.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.endow.grants.committee.model.Member;
import org.endow.grants.committee.model.Members;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.platform.problem.ProblemException;

/** Staff keep the working group's roster (who votes, who chairs). */
@Singleton
public class ManagingRoster {

    private final Members members;
    private final AuditTrail audit;
    private final Clock clock;

    ManagingRoster(Members members, AuditTrail audit, Clock clock) {
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Member> all() {
        return members.all();
    }

    @Transactional
    public Member save(String staff, Member member) {
        members.save(member);
        audit.record(
                staff,
                "working-group member saved",
                member.accountId(),
                member.name() + (member.chair() ? " (chair)" : ""),
                clock.instant());
        return member;
    }

    @Transactional
    public void remove(String staff, String accountId) {
        if (!members.remove(accountId)) {
            throw ProblemException.notFound("No working-group member " + accountId);
        }
        audit.record(staff, "working-group member removed", accountId, "", clock.instant());
    }
}
