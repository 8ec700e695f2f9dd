package org.endow.sponsors.sponsorships.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.endow.kernel.Money;
import org.endow.sponsors.catalogue.model.AssetRequirement;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.junit.jupiter.api.Test;

/** What a sponsorship's benefits need from the sponsor, when, and what is accepted. */
class FulfilmentTest {

    static final AssetRequirement LOGO = new AssetRequirement("logo", AssetRequirement.Kind.LOGO, "Logo", -14, 1000);
    static final AssetRequirement BLURB =
            new AssetRequirement("blurb", AssetRequirement.Kind.TEXT, "About you", 14, 20);
    static final AssetRequirement LINK =
            new AssetRequirement("jobs", AssetRequirement.Kind.LINK, "Jobs page", 30, 2000);

    static Benefit benefit(String code, AssetRequirement... assets) {
        return new Benefit(
                code,
                "foundation",
                "Benefit " + code,
                "",
                Money.of(100, "USD"),
                Money.of(0, "USD"),
                null,
                CapacityKind.HARD,
                false,
                false,
                false,
                List.of(),
                List.of(),
                List.of(assets));
    }

    @Test
    void items_are_due_relative_to_the_start_and_overdue_once_past_unless_sent() {
        Sponsorship s = SponsorshipTest.in(SponsorshipStatus.APPROVED); // starts 2027-02-01
        List<Selection.Line> lines = List.of(
                new Selection.Line(benefit("wall", LOGO), 1), new Selection.Line(benefit("blog", BLURB, LINK), 1));
        Map<Fulfilment.Key, Fulfilment.Submitted> sent = Map.of(
                new Fulfilment.Key("blog", "blurb"),
                new Fulfilment.Submitted("We make staplers", "acct-1", Instant.parse("2027-02-02T00:00:00Z")));

        List<Fulfilment.Item> items = Fulfilment.of(s, lines, false, sent, LocalDate.parse("2027-02-20"));
        assertEquals(3, items.size());
        assertEquals(LocalDate.parse("2027-01-18"), items.get(0).due());
        assertEquals(Fulfilment.State.OVERDUE, items.get(0).state(), "the logo was due before the start");
        assertEquals(Fulfilment.State.SUBMITTED, items.get(1).state());
        assertEquals("We make staplers", items.get(1).value());
        assertEquals(Fulfilment.State.MISSING, items.get(2).state(), "the link is due on 3 March");
        assertEquals(
                Fulfilment.State.SUBMITTED,
                Fulfilment.of(s, lines, true, sent, LocalDate.parse("2027-02-20"))
                        .getFirst()
                        .state(),
                "a logo uploaded satisfies it");
        assertEquals(
                null,
                Fulfilment.of(SponsorshipTest.applied(), lines, false, Map.of(), LocalDate.parse("2027-02-20"))
                        .getFirst()
                        .due(),
                "no due date before the dates are set");
    }

    @Test
    void texts_and_links_are_checked_and_the_reason_given() {
        assertEquals("We make staplers", Fulfilment.accept(BLURB, "  We make staplers \n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fulfilment.accept(BLURB, "x".repeat(21)))
                .getMessage()
                .contains("at most 20 characters; this is 21"));
        assertThrows(IllegalArgumentException.class, () -> Fulfilment.accept(BLURB, "   "));
        assertThrows(IllegalArgumentException.class, () -> Fulfilment.accept(BLURB, "bell\u0007"));
        assertEquals("https://initech.example/jobs", Fulfilment.accept(LINK, "https://initech.example/jobs"));
        for (String bad : List.of(
                "javascript:alert(1)",
                "ftp://initech.example",
                "https://user:pw@initech.example",
                "https://initech.example/a b",
                "/jobs",
                "https://")) {
            assertThrows(IllegalArgumentException.class, () -> Fulfilment.accept(LINK, bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Fulfilment.accept(LOGO, "logo.png"));
    }
}
