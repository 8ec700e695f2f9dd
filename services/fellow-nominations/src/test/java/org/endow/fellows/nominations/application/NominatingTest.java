package org.endow.fellows.nominations.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.kernel.voting.Choice;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Nominating, matching nominees, verification with references, staff merges, and confidentiality. */
class NominatingTest {

    final FellowsFixture f = new FellowsFixture().members(3);

    @Test
    void nominations_of_the_same_email_are_one_nominee_with_several_endorsements_in_the_next_cycle() {
        UUID first =
                f.nominate("ada", "Grace Hopper", "grace@example.org").nominee().id();
        UUID second =
                f.nominate("alan", "G. Hopper", " Grace@Example.org ").nominee().id();

        assertEquals(first, second);
        assertEquals(2, f.nominations.of(first).size());
        assertEquals("2027-Q1", f.nominee(first).cycle().label());
        assertTrue(f.mails.to("alan@example.org").getFirst().text().contains("cycle 2027-Q1"));
        assertTrue(f.mails.to("grace@example.org").isEmpty(), "the nominee is told only when approved");

        f.clock.set(Instant.parse("2027-02-21T09:00:00Z")); // after the cut-off: the next cycle
        UUID later = f.nominate("ada", "Linus", "linus@example.org").nominee().id();
        assertEquals("2027-Q2", f.nominee(later).cycle().label());
    }

    @Test
    void nominating_the_same_person_twice_or_oneself_is_refused() {
        f.nominate("ada", "Grace Hopper", "grace@example.org");

        ProblemException twice =
                assertThrows(ProblemException.class, () -> f.nominate("ada", "Grace Hopper", "grace@example.org"));
        assertEquals(409, twice.status().getCode());
        ProblemException self = assertThrows(ProblemException.class, () -> f.nominate("ada", "Ada", "ada@example.org"));
        assertEquals("nomineeEmail", self.errors().getFirst().field());
    }

    @Test
    void someone_elected_and_not_yet_accepted_or_already_a_fellow_cannot_be_nominated_again() {
        UUID grace = f.votedOn(Choice.YES, Choice.YES, Choice.YES);
        assertEquals(NomineeStatus.ELECTED, f.nominee(grace).status());
        int nominees = f.nomineeMap.size();

        ProblemException elected =
                assertThrows(ProblemException.class, () -> f.nominate("alan", "Grace Hopper", " GRACE@example.org"));

        assertEquals(409, elected.status().getCode());
        assertTrue(
                elected.getMessage().contains("Grace Hopper has already been elected a Fellow"), elected.getMessage());
        assertEquals(nominees, f.nomineeMap.size(), "no second nominee, so no second election");
        assertTrue(f.mails.to("alan@example.org").isEmpty());

        f.electing.accept(f.token(Voting.ACCEPTANCE), "Grace Hopper");
        ProblemException fellow =
                assertThrows(ProblemException.class, () -> f.nominate("alan", "Grace Hopper", "grace@example.org"));
        assertEquals(409, fellow.status().getCode());
        assertTrue(fellow.getMessage().contains("is already a Fellow"), fellow.getMessage());
        assertEquals(nominees, f.nomineeMap.size());
    }

    @Test
    void a_nominator_sees_only_their_own_nominations_and_the_nominee_may_not_read_them() {
        UUID mine = f.nominate("ada", "Grace Hopper", "grace@example.org")
                .nomination()
                .id();
        f.nominate("alan", "Grace Hopper", "grace@example.org");

        assertEquals(1, f.nominating.mine("ada").size());
        assertEquals(
                mine,
                f.nominating
                        .read(mine, "ada", "ada@example.org", false)
                        .nomination()
                        .id());

        ProblemException nominee = assertThrows(
                ProblemException.class, () -> f.nominating.read(mine, "grace", "GRACE@example.org", false));
        assertEquals(403, nominee.status().getCode());
        assertTrue(nominee.getMessage().contains("confidential"), nominee.getMessage());
        ProblemException other =
                assertThrows(ProblemException.class, () -> f.nominating.read(mine, "alan", "alan@example.org", false));
        assertEquals(404, other.status().getCode(), "another nominator does not learn the nomination exists");
        assertEquals(
                mine,
                f.nominating
                        .read(mine, "m1", "m1@endow.test", true)
                        .nomination()
                        .id());
    }

    @Test
    void references_requested_by_the_work_group_are_added_through_the_emailed_link_and_verify_the_nominee() {
        UUID grace =
                f.nominate("ada", "Grace Hopper", "grace@example.org").nominee().id();

        f.reviewing.requestReferences("m1", grace);
        assertEquals(NomineeStatus.REFERENCES_REQUESTED, f.nominee(grace).status());
        String token = f.token(Reviewing.REFERENCES);
        assertTrue(
                f.mails.to("ada@example.org").getLast().text().contains("http://portal/fellows/references/" + token));

        List<Nomination.Reference> two = List.of(
                new Nomination.Reference("Guido", "guido@example.org", "co-maintainer"),
                new Nomination.Reference("Barry", "barry@example.org", "mentee"));
        assertEquals(
                "references",
                assertThrows(ProblemException.class, () -> f.reviewing.addReferences(token, two))
                        .errors()
                        .getFirst()
                        .field());
        List<Nomination.Reference> three = List.of(
                two.get(0), two.get(1), new Nomination.Reference("Raymond", "raymond@example.org", "co-author"));
        f.reviewing.addReferences(token, three);

        assertEquals(NomineeStatus.VERIFIED, f.nominee(grace).status());
        assertEquals(3, f.nominations.of(grace).getFirst().references().size());
        assertTrue(f.audit.entries().stream().anyMatch(e -> e.action().equals("nominee.references-requested")));
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> f.reviewing.addReferences("references-forged", three))
                        .status()
                        .getCode());
    }

    @Test
    void a_nominator_who_nominated_both_addresses_keeps_one_standing_nomination_after_the_merge() {
        UUID work = f.nominate("ada", "Grace Hopper", "grace@navy.example")
                .nominee()
                .id();
        // a minute later: which of her two nominations came first is then her submission order, not the ids' order
        f.clock.advance(java.time.Duration.ofMinutes(1));
        UUID home =
                f.nominate("ada", "Grace Hopper", "grace@example.org").nominee().id();
        f.nominate("alan", "Grace Hopper", "grace@example.org");
        f.reviewing.requestReferences("m1", home); // links to ada (her second nomination) and alan
        UUID adasSecond = f.nominations.of(home).stream()
                .filter(n -> n.nominatorAccount().equals("ada"))
                .findFirst()
                .orElseThrow()
                .id();
        String adasLink = f.token(Reviewing.REFERENCES, adasSecond);

        f.reviewing.merge("staff", work, home);

        assertEquals(
                List.of("ada", "alan"),
                f.nominations.of(home).stream()
                        .map(Nomination::nominatorAccount)
                        .sorted()
                        .toList(),
                "one endorsement per nominator");
        assertEquals(1, f.nominating.mine("ada").size());
        assertTrue(f.reviewing.auditLog(10).stream()
                .anyMatch(
                        e -> e.action().equals("nominee.merged") && e.details().contains("superseded")));

        // her link still works: the references go to the nomination that stands
        f.reviewing.addReferences(
                adasLink,
                List.of(
                        new Nomination.Reference("Guido", "guido@example.org", "co-maintainer"),
                        new Nomination.Reference("Barry", "barry@example.org", "mentee"),
                        new Nomination.Reference("Raymond", "raymond@example.org", "co-author")));
        Nomination adas = f.nominations.of(home).stream()
                .filter(n -> n.nominatorAccount().equals("ada"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, adas.references().size());
        Nomination second = f.nominationMap.values().stream()
                .filter(n -> n.nominatorAccount().equals("ada") && !n.id().equals(adas.id()))
                .findFirst()
                .orElseThrow();
        assertEquals(adas.id(), second.supersededBy(), "kept, superseded by her first nomination");
        assertEquals(home, second.nomineeId());
        assertTrue(adas.submittedAt().compareTo(second.submittedAt()) <= 0);

        f.inReview();
        for (String member : List.of("m1", "m2", "m3")) {
            f.voting.vote(member, home, org.endow.kernel.voting.Choice.YES);
        }
        assertEquals(
                1,
                f.mails.to("ada@example.org").stream()
                        .filter(m -> m.subject().endsWith(": elected"))
                        .count(),
                "one decision mail");
    }

    @Test
    void staff_merge_two_nominees_who_are_the_same_person_and_their_nominators_follow_the_merged_one() {
        UUID work = f.nominate("ada", "Grace Hopper", "grace@navy.example")
                .nominee()
                .id();
        UUID home = f.nominate("alan", "Grace Hopper", "grace@example.org")
                .nominee()
                .id();

        f.reviewing.merge("staff", work, home);

        assertEquals(NomineeStatus.MERGED, f.nominee(work).status());
        assertEquals(2, f.nominations.of(home).size());
        assertEquals(home, f.nominating.mine("ada").getFirst().nominee().id());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> f.reviewing.merge("staff", work, home))
                        .status()
                        .getCode(),
                "already merged");
        assertTrue(f.reviewing.auditLog(10).stream().anyMatch(e -> e.action().equals("nominee.merged")));
    }
}
