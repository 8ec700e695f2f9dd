package org.endow.fellows.nominations.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.endow.fellows.nominations.model.CycleCalendar;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.Nominations;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.Nominees;
import org.endow.fellows.nominations.model.Results;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.voting.Choice;
import org.endow.kernel.voting.VotingRule;
import org.endow.platform.testing.MovableClock;
import org.endow.platform.testing.RecordingAudit;
import org.endow.platform.testing.RecordingMailOutbox;
import org.endow.platform.testing.RecordingOutbox;

/** The fellows use cases wired to in-memory fakes and a clock the test moves. */
final class FellowsFixture {

    /** Before the 2027-Q1 cut-off (Feb 20); its review runs Feb 21 – Mar 20. */
    static final Instant START = Instant.parse("2027-01-10T09:00:00Z");

    static final String STATEMENT =
            "Maintains the packaging tutorial, mentors new contributors and has run the sprints for years.";

    final MovableClock clock = new MovableClock(START);
    final Map<UUID, Nominee> nomineeMap = new LinkedHashMap<>();
    final Map<UUID, Nomination> nominationMap = new LinkedHashMap<>();
    final Map<String, WorkGroup.Member> memberMap = new LinkedHashMap<>();
    final Map<String, Map<String, Choice>> voteMap = new HashMap<>();
    final Set<String> remindedSet = new HashSet<>();
    final List<Results.Result> resultList = new ArrayList<>();
    final Map<String, UUID> tokenMap = new HashMap<>();
    final RecordingAudit audit = new RecordingAudit();
    final RecordingOutbox outbox = new RecordingOutbox();
    final RecordingMailOutbox mails = new RecordingMailOutbox();
    final List<String> minutesRendered = new ArrayList<>();

    final Nominees nominees = new Nominees() {
        @Override
        public void add(Nominee nominee) {
            nomineeMap.put(nominee.id(), nominee);
        }

        @Override
        public void update(Nominee nominee) {
            nomineeMap.put(nominee.id(), nominee);
        }

        @Override
        public Optional<Nominee> lock(UUID id) {
            return find(id);
        }

        @Override
        public Optional<Nominee> find(UUID id) {
            return Optional.ofNullable(nomineeMap.get(id));
        }

        @Override
        public Optional<Nominee> lockActiveByEmail(String normalisedEmail) {
            return nomineeMap.values().stream()
                    .filter(n -> n.active() && n.email().equals(normalisedEmail))
                    .findFirst();
        }

        @Override
        public List<Nominee> inCycle(String label) {
            return nomineeMap.values().stream()
                    .filter(n -> n.active() && n.cycle().label().equals(label))
                    .toList();
        }

        @Override
        public List<Nominee> reviewEndedBefore(LocalDate day) {
            return nomineeMap.values().stream()
                    .filter(n -> n.active() && n.cycle().reviewEnd().isBefore(day))
                    .toList();
        }

        @Override
        public List<Nominee> lockHonouredByEmail(String normalisedEmail) {
            return nomineeMap.values().stream()
                    .filter(n -> n.email().equals(normalisedEmail))
                    .filter(n -> n.status() == NomineeStatus.ELECTED || n.status() == NomineeStatus.FELLOW)
                    .sorted(java.util.Comparator.comparing(Nominee::id))
                    .toList();
        }

        @Override
        public List<Nominee> fellows() {
            return nomineeMap.values().stream()
                    .filter(n -> n.status() == NomineeStatus.FELLOW)
                    .toList();
        }

        @Override
        public List<Nominee> electedIn(String cycleLabel) {
            return nomineeMap.values().stream()
                    .filter(n -> cycleLabel.equals(n.electedIn()))
                    .filter(n -> n.status() == NomineeStatus.ELECTED || n.status() == NomineeStatus.FELLOW)
                    .toList();
        }
    };

    final Nominations nominations = new Nominations() {
        @Override
        public void add(Nomination nomination) {
            nominationMap.put(nomination.id(), nomination);
        }

        @Override
        public void update(Nomination nomination) {
            nominationMap.put(nomination.id(), nomination);
        }

        @Override
        public Optional<Nomination> find(UUID id) {
            return Optional.ofNullable(nominationMap.get(id));
        }

        @Override
        public List<Nomination> of(UUID nominee) {
            return nominationMap.values().stream()
                    .filter(n -> n.nomineeId().equals(nominee) && n.supersededBy() == null)
                    .toList();
        }

        @Override
        public List<Nomination> by(String nominatorAccount) {
            return nominationMap.values().stream()
                    .filter(n -> n.nominatorAccount().equals(nominatorAccount) && n.supersededBy() == null)
                    .toList();
        }
    };

    final WorkGroup workGroup = new WorkGroup() {
        @Override
        public void save(Member member) {
            memberMap.put(member.accountId(), member);
        }

        @Override
        public List<Member> members() {
            return List.copyOf(memberMap.values());
        }

        @Override
        public Optional<Member> member(String accountId) {
            return Optional.ofNullable(memberMap.get(accountId));
        }

        @Override
        public boolean vote(UUID nominee, String cycle, String memberId, Choice choice) {
            return voteMap.computeIfAbsent(nominee + "/" + cycle, k -> new HashMap<>())
                            .put(memberId, choice)
                    != null;
        }

        @Override
        public Map<String, Choice> votes(UUID nominee, String cycle) {
            return Map.copyOf(voteMap.getOrDefault(nominee + "/" + cycle, Map.of()));
        }

        @Override
        public boolean reminded(UUID nominee, String cycle, String memberId) {
            return remindedSet.add(nominee + "/" + cycle + "/" + memberId);
        }
    };

    final Results results = new Results() {
        @Override
        public void record(Result result) {
            resultList.add(result);
        }

        @Override
        public List<Result> of(String cycle) {
            return resultList.stream().filter(r -> r.cycle().equals(cycle)).toList();
        }
    };

    final Tokens tokens = new Tokens() {
        @Override
        public String issue(String purpose, UUID subject) {
            String raw = purpose + "-" + UUID.randomUUID();
            tokenMap.put(raw, subject);
            return raw;
        }

        @Override
        public Optional<UUID> subject(String purpose, String raw) {
            return raw.startsWith(purpose + "-") ? Optional.ofNullable(tokenMap.get(raw)) : Optional.empty();
        }
    };

    final FellowsPolicy policy;
    final FellowMails fellowMails;
    final Nominating nominating;
    final Reviewing reviewing;
    final Voting voting;
    final Electing electing;

    FellowsFixture() {
        this(VotingRule.majorityOfCast());
    }

    FellowsFixture(VotingRule rule) {
        policy = new FellowsPolicy(CycleCalendar.psf(), rule, "the rule", 12, 3, true, "http://portal/");
        fellowMails = new FellowMails(mails, policy);
        nominating = new Nominating(nominees, nominations, fellowMails, policy, clock);
        reviewing = new Reviewing(nominees, nominations, workGroup, tokens, fellowMails, audit, policy, clock);
        voting = new Voting(nominees, nominations, workGroup, results, tokens, fellowMails, audit, policy, clock);
        MinutesDocuments minutes = (foundation, cycle, ruleName, rows) -> {
            minutesRendered.add(cycle);
            return new byte[] {'%', 'P', 'D', 'F'};
        };
        electing = new Electing(nominees, results, tokens, outbox, minutes, audit, policy, clock);
    }

    /** Members m1..m{count}; those named in {@code vetoHolders} hold a veto. */
    FellowsFixture members(int count, String... vetoHolders) {
        for (int i = 1; i <= count; i++) {
            String id = "m" + i;
            workGroup.save(new WorkGroup.Member(
                    id, "Member " + i, id + "@endow.test", List.of(vetoHolders).contains(id)));
        }
        return this;
    }

    Nominating.MyNomination nominate(String nominator, String nomineeName, String nomineeEmail) {
        return nominating.nominate(new Nominating.NominateCommand(
                nominator,
                "Nominator " + nominator,
                nominator + "@example.org",
                nomineeName,
                nomineeEmail,
                List.of("https://github.com/" + nominator + "-pick"),
                STATEMENT,
                List.of()));
    }

    /** A verified nominee in 2027-Q1, with the clock inside its review window. */
    UUID verifiedInReview() {
        UUID id = nominate("ada", "Grace Hopper", "grace@example.org").nominee().id();
        reviewing.verify("m1", id);
        inReview();
        return id;
    }

    /** Members m1, m2, … vote in that order on a verified nominee in review; @return the nominee. */
    UUID votedOn(Choice... choices) {
        UUID id = verifiedInReview();
        for (int i = 0; i < choices.length; i++) {
            voting.vote("m" + (i + 1), id, choices[i]);
        }
        return id;
    }

    void inReview() {
        clock.set(Instant.parse("2027-03-01T10:00:00Z"));
    }

    void afterReview() {
        clock.set(Instant.parse("2027-03-21T10:00:00Z"));
    }

    Nominee nominee(UUID id) {
        return nomineeMap.get(id);
    }

    /** The token issued for {@code purpose} about {@code subject} (several may be out for one purpose). */
    String token(String purpose, UUID subject) {
        return tokenMap.entrySet().stream()
                .filter(t ->
                        t.getKey().startsWith(purpose + "-") && t.getValue().equals(subject))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    String token(String purpose) {
        return tokenMap.keySet().stream()
                .filter(t -> t.startsWith(purpose + "-"))
                .findFirst()
                .orElseThrow();
    }
}
