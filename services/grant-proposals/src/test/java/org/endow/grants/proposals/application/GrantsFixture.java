package org.endow.grants.proposals.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.grants.committee.model.Member;
import org.endow.grants.committee.model.Members;
import org.endow.grants.policy.model.Categories;
import org.endow.grants.policy.model.FastTrackRule;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.AttachmentFiles;
import org.endow.grants.proposals.model.AuditTrail;
import org.endow.grants.proposals.model.Proposal;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;
import org.endow.platform.testing.MovableClock;
import org.endow.platform.testing.RecordingMailOutbox;
import org.endow.platform.testing.RecordingOutbox;

/** The grants use cases wired to in-memory fakes and a clock the test moves. */
final class GrantsFixture {

    static final Instant START = Instant.parse("2027-02-01T09:00:00Z");

    final MovableClock clock = new MovableClock(START);
    final InMemoryProposals proposals = new InMemoryProposals();
    final Map<String, GrantCategory> categoryMap = new HashMap<>();
    final List<Member> roster = new ArrayList<>();
    final List<AuditTrail.Entry> auditEntries = new ArrayList<>();
    final RecordingOutbox outbox = new RecordingOutbox();
    final RecordingMailOutbox mails = new RecordingMailOutbox();

    final Categories categories = new Categories() {
        @Override
        public Optional<GrantCategory> find(String code) {
            return Optional.ofNullable(categoryMap.get(code));
        }

        @Override
        public List<GrantCategory> all() {
            return List.copyOf(categoryMap.values());
        }

        @Override
        public void save(GrantCategory category) {
            categoryMap.put(category.code(), category);
        }
    };

    final Members members = new Members() {
        @Override
        public List<Member> all() {
            return List.copyOf(roster);
        }

        @Override
        public Optional<Member> find(String accountId) {
            return roster.stream().filter(m -> m.accountId().equals(accountId)).findFirst();
        }

        @Override
        public void save(Member member) {
            roster.removeIf(m -> m.accountId().equals(member.accountId()));
            roster.add(member);
        }

        @Override
        public boolean remove(String accountId) {
            return roster.removeIf(m -> m.accountId().equals(accountId));
        }
    };

    final AuditTrail audit = new AuditTrail() {
        @Override
        public void record(String actor, String action, String target, String details, Instant at) {
            auditEntries.add(new Entry(actor, action, target, details, at));
        }

        @Override
        public List<Entry> latest(int limit) {
            return List.copyOf(auditEntries);
        }
    };

    final GrantsSettings settings = new GrantsSettings("grants@endow.test", "board@endow.test", "http://portal", 1_000);
    final Map<String, byte[]> stored = new HashMap<>();
    final AttachmentFiles files = new AttachmentFiles() {
        @Override
        public void store(String proposalId, String name, byte[] content) {
            stored.put(proposalId + "/" + name, content);
        }

        @Override
        public Optional<byte[]> load(String proposalId, String name) {
            return Optional.ofNullable(stored.get(proposalId + "/" + name));
        }
    };
    final Notifications notify = new Notifications(mails, members, settings);
    final FollowingUp followingUp = new FollowingUp(outbox, notify, audit);
    final Applying applying = new Applying(proposals, categories, notify, audit, files, settings, clock);
    final Reviewing reviewing = new Reviewing(proposals, members, followingUp, notify, audit, clock);
    final KeepingDeadlines deadlines = new KeepingDeadlines(proposals, reviewing, followingUp, notify, clock);
    final ApprovingGrants approving =
            new ApprovingGrants(proposals, p -> new byte[] {'%', 'P', 'D', 'F'}, outbox, notify, audit, clock);
    final PayingMilestones paying = new PayingMilestones(proposals, outbox, notify, audit, clock);

    final Caller applicant = new Caller("ada", "Ada", "ada@example.org", java.util.Set.of(Roles.APPLICANT));
    final Caller chair = new Caller("chair", "Chair", "chair@endow.test", java.util.Set.of(Roles.GRANTS_WG));
    final Caller staff = new Caller("staff", "Staff", "staff@endow.test", java.util.Set.of(Roles.STAFF));
    final Caller board = new Caller("board", "Director", "director@endow.test", java.util.Set.of(Roles.ADMIN));

    GrantsFixture() {
        categories.save(sprint(VotingRule.atLeastPercentOfMembers(30)));
        roster.add(new Member("chair", "Chair", "chair@endow.test", true));
    }

    static GrantCategory sprint(VotingRule rule) {
        return new GrantCategory(
                "sprint",
                "Sprint",
                "USD",
                500_000,
                1_500,
                List.of(),
                false,
                "core-sprint-2027",
                rule,
                10,
                10, // business days: the charter's discussion window
                42,
                new FastTrackRule(true, 3, 250_000, 10, 7),
                1_500_000,
                false);
    }

    /** Members m1..mN (plus the chair, who is member 0). */
    List<Caller> members(int count) {
        List<Caller> callers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            roster.add(new Member("m" + i, "Member " + i, "m" + i + "@endow.test", false));
            callers.add(new Caller("m" + i, "Member " + i, "m" + i + "@endow.test", java.util.Set.of(Roles.GRANTS_WG)));
        }
        return callers;
    }

    Caller chairCaller() {
        return chair;
    }

    static Application sprintApplication(long amountMinor) {
        return sprintApplication("PyLadies Berlin", "Berlin sprint", amountMinor, LocalDate.of(2027, 5, 10));
    }

    static Application sprintApplication(String organisation, String series, long amountMinor, LocalDate start) {
        return new Application(
                organisation,
                "sprint",
                series + " " + start.getYear(),
                "Three days of sprinting on CPython with new contributors.",
                series,
                start,
                start.plusDays(2),
                20,
                amountMinor,
                "USD",
                List.of(new Application.BudgetLine("Travel", amountMinor)),
                List.of(),
                "https://example.org/coc");
    }

    Proposal submitted(Application application) {
        Proposal draft = applying.draft(new Applicant("ada", "Ada", "ada@example.org"), application);
        return applying.submit("ada", draft.id()).proposal();
    }

    /** Submitted, complete, discussed and put to the vote. */
    Proposal inVote(Application application) {
        Proposal proposal = submitted(application);
        reviewing.acceptAsComplete(chair, proposal.id());
        return reviewing.openVote(chair, proposal.id());
    }

    Proposal reload(Proposal proposal) {
        return proposals.find(proposal.id()).orElseThrow();
    }
}
