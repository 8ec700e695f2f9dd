package org.endow.sponsors.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.audit.model.AuditTrail;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final InMemoryCatalogues catalogues = new InMemoryCatalogues();
    final List<String> audit = new ArrayList<>();
    final AuditTrail trail = new AuditTrail() {
        @Override
        public void record(String actor, String action, String target, String details, Instant at) {
            audit.add(actor + " " + action + " " + target + " @" + at);
        }

        @Override
        public List<Entry> latest(int limit) {
            return List.of();
        }
    };
    final ViewingCatalogue viewing = new ViewingCatalogue(catalogues);
    final ChangingCapacity changing = new ChangingCapacity(catalogues, trail, Clock.fixed(NOW, ZoneOffset.UTC));
    final CloningYear cloning = new CloningYear(catalogues, trail, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void remaining_capacity_is_capacity_minus_units_held_now() {
        catalogues.add(CatalogueFixture.year2022());
        catalogues.hold(2022, "pycon-booth", 1);

        var stock = viewing.year(2022).stock();

        var booth = stock.stream()
                .filter(s -> s.benefit().code().equals("pycon-booth"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, booth.held());
        assertEquals(1, booth.remaining());
        var packaging = stock.stream()
                .filter(s -> s.benefit().code().equals("packaging-sponsor"))
                .findFirst()
                .orElseThrow();
        assertNull(packaging.remaining(), "an unlimited benefit has no remaining count");
    }

    @Test
    void a_hard_capacity_refuses_the_unit_beyond_it_and_a_soft_one_does_not() {
        var booth = CatalogueFixture.booth();
        var lanyards = CatalogueFixture.lanyards();

        assertTrue(booth.canTake(1, 1));
        assertFalse(booth.canTake(2, 1));
        assertTrue(lanyards.canTake(1, 1), "soft capacity lets staff go beyond it");
        assertEquals(0, lanyards.remaining(3).getAsInt(), "remaining never goes below zero");
        assertTrue(booth.conflictsWith("pycon-startup-row"));
    }

    @Test
    void a_package_only_benefit_cannot_be_an_add_on() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new org.endow.sponsors.catalogue.model.Benefit(
                        "x",
                        "pycon-us",
                        "X",
                        "",
                        CatalogueFixture.usd(1),
                        CatalogueFixture.usd(1),
                        null,
                        org.endow.sponsors.catalogue.model.CapacityKind.HARD,
                        true,
                        false,
                        true,
                        List.of(),
                        List.of()));
    }

    @Test
    void cloning_a_year_copies_the_offer_without_what_is_held_and_is_audited() {
        catalogues.add(CatalogueFixture.year2022());
        catalogues.hold(2022, "pycon-booth", 2);

        var cloned = cloning.cloneYear(new CloneYearCommand("staff-1", 2022, 2023));

        assertEquals(2023, cloned.year());
        assertEquals(CatalogueFixture.year2022().benefits(), cloned.benefits());
        var booth = viewing.year(2023).stock().stream()
                .filter(s -> s.benefit().code().equals("pycon-booth"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, booth.remaining());
        assertEquals(List.of("staff-1 catalogue.cloned catalogue:2023 @" + NOW), audit);
    }

    @Test
    void cloning_onto_an_existing_year_is_a_conflict_and_changes_nothing() {
        catalogues.add(CatalogueFixture.year2022());
        cloning.cloneYear(new CloneYearCommand("staff-1", 2022, 2023));

        var problem = assertThrows(
                ProblemException.class, () -> cloning.cloneYear(new CloneYearCommand("staff-1", 2022, 2023)));

        assertEquals(HttpStatus.CONFLICT, problem.status());
        assertEquals(1, audit.size());
    }

    @Test
    void a_hard_capacity_cannot_go_below_the_units_held() {
        catalogues.add(CatalogueFixture.year2022());
        catalogues.hold(2022, "pycon-booth", 2);

        var problem = assertThrows(
                ProblemException.class,
                () -> changing.change(new ChangeCapacityCommand("staff-1", 2022, "pycon-booth", 1, CapacityKind.HARD)));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, problem.status());
        assertEquals(
                2,
                catalogues
                        .year(2022)
                        .orElseThrow()
                        .benefit("pycon-booth")
                        .orElseThrow()
                        .capacity());
        assertTrue(audit.isEmpty());
    }

    @Test
    void staff_raise_a_capacity_or_make_it_soft_and_it_is_audited() {
        catalogues.add(CatalogueFixture.year2022());
        catalogues.hold(2022, "pycon-booth", 2);

        changing.change(new ChangeCapacityCommand("staff-1", 2022, "pycon-booth", 1, CapacityKind.SOFT));

        var booth = catalogues.year(2022).orElseThrow().benefit("pycon-booth").orElseThrow();
        assertEquals(1, booth.capacity());
        assertEquals(CapacityKind.SOFT, booth.capacityKind());
        assertEquals(List.of("staff-1 benefit.capacity-changed benefit:2022/pycon-booth @" + NOW), audit);
    }

    @Test
    void cloning_a_year_without_catalogue_is_not_found() {
        var problem = assertThrows(
                ProblemException.class, () -> cloning.cloneYear(new CloneYearCommand("staff-1", 2019, 2020)));

        assertEquals(HttpStatus.NOT_FOUND, problem.status());
        assertTrue(audit.isEmpty());
    }
}
