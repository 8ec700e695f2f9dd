package org.endow.fellows.nominations.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.endow.events.EventSamples;
import org.endow.events.fellows.v1.FellowEvents;
import org.endow.fellows.nominations.model.CycleCalendar;
import org.endow.fellows.nominations.model.Nominee;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Acceptance onto the roster, {@code FellowElected} exactly as its golden sample, the announcement. */
class ElectingTest {

    static final ObjectMapper JSON = ObjectMapper.getDefault();
    static final UUID GRACE = UUID.fromString("8e2a4c61-9f3b-4d7e-a1c5-3b7d9f1e5a83");

    final FellowsFixture f = new FellowsFixture();

    @Test
    void an_elected_nominee_accepts_joins_the_roster_and_fellow_elected_is_published_as_the_sample_says()
            throws IOException {
        String token = elected();
        f.clock.set(Instant.parse("2027-01-05T12:00:00Z"));

        f.electing.accept(token, "  Grace B. Hopper ");

        var recorded = f.outbox.recorded().getFirst();
        assertEquals(FellowEvents.FELLOW_ELECTED, recorded.type());
        assertEquals(GRACE.toString(), recorded.aggregateId(), "keyed by the nominee");
        assertEquals(
                JSON.readValue(EventSamples.read(FellowEvents.FELLOW_ELECTED), JsonNode.class)
                        .get("payload"),
                JSON.readValue(
                        JSON.writeValueAsString(
                                f.outbox.payloads(FellowEvents.FELLOW_ELECTED).getFirst()),
                        JsonNode.class));
        assertEquals(
                List.of("Grace B. Hopper"),
                f.electing.roster().stream().map(Nominee::displayName).toList());
        assertEquals(NomineeStatus.FELLOW, f.nominee(GRACE).status());

        ProblemException again = assertThrows(ProblemException.class, () -> f.electing.accept(token, "Grace"));
        assertEquals(409, again.status().getCode());
        assertEquals(1, f.outbox.payloads(FellowEvents.FELLOW_ELECTED).size());
    }

    @Test
    void a_person_elected_twice_by_earlier_data_is_one_fellow_the_second_acceptance_adds_nothing() {
        // two nominee rows for one person, both elected (nominated again while the first election awaited her answer)
        String first = elected();
        UUID again = UUID.fromString("0196f1c2-0000-7000-8000-000000000002");
        f.nominees.add(electedIn2026Q4(again, "Grace Hopper", List.of("https://github.com/grace")));
        String second = f.tokens.issue(Voting.ACCEPTANCE, again);

        f.electing.accept(first, "Grace B. Hopper");
        Nominee answered = f.electing.accept(second, "Grace Hopper");

        assertEquals(GRACE, answered.id(), "the second link answers with the Fellow she already is");
        assertEquals("Grace B. Hopper", answered.displayName());
        assertEquals(
                List.of(GRACE), f.electing.roster().stream().map(Nominee::id).toList());
        assertEquals(1, f.outbox.payloads(FellowEvents.FELLOW_ELECTED).size(), "FellowElected once");
        assertEquals(NomineeStatus.MERGED, f.nominee(again).status());
        assertEquals(GRACE, f.nominee(again).mergedInto());
        assertTrue(
                f.electing.announcement("2026-Q4").contains("a new Fellow,"),
                "announced once: " + f.electing.announcement("2026-Q4"));
        assertTrue(f.audit.entries().stream()
                .anyMatch(e ->
                        e.action().equals("fellow.accepted-again") && e.target().equals("nominee:" + again)));
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> f.electing.accept(second, "Grace"))
                        .status()
                        .getCode());
        assertEquals(1, f.electing.roster().size());
    }

    @Test
    void a_blank_display_name_is_refused_field_by_field() {
        String token = elected();
        assertEquals(
                "displayName",
                assertThrows(ProblemException.class, () -> f.electing.accept(token, " "))
                        .errors()
                        .getFirst()
                        .field());
        assertTrue(f.outbox.recorded().isEmpty());
    }

    @Test
    void the_announcement_lists_the_cycles_new_fellows_and_who_has_yet_to_accept() {
        String token = elected();
        f.nominees.add(electedIn2026Q4(UUID.randomUUID(), "Linus", List.of()));
        f.electing.accept(token, "Grace B. Hopper");

        String text = f.electing.announcement("2026-Q4");

        assertTrue(text.startsWith("Announcing the new Fellows of 2026-Q4"), text);
        assertTrue(text.contains("2 new Fellows"), text);
        assertTrue(text.contains("* Grace B. Hopper — https://github.com/grace, https://grace.example\n"), text);
        assertTrue(text.contains("* Linus (has not accepted yet)"), text);
        assertTrue(f.electing.announcement("2027-Q1").contains("No Fellows were elected"));
    }

    /** Grace, elected in 2026-Q4 as in the golden sample; @return her acceptance link's token. */
    private String elected() {
        f.nominees.add(
                electedIn2026Q4(GRACE, "Grace Hopper", List.of("https://github.com/grace", "https://grace.example")));
        return f.tokens.issue(Voting.ACCEPTANCE, GRACE);
    }

    private static Nominee electedIn2026Q4(UUID id, String name, List<String> links) {
        return new Nominee(
                id,
                name,
                name.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "@example.org",
                links,
                NomineeStatus.ELECTED,
                CycleCalendar.psf().cycleFor(LocalDate.of(2026, 11, 1)),
                LocalDate.of(2026, 10, 1),
                "2026-Q4",
                null,
                null,
                null);
    }
}
