package org.endow.sponsors.catalogue.application;

import java.util.List;
import org.endow.kernel.Money;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.LegalClause;
import org.endow.sponsors.catalogue.model.SponsorPackage;

final class CatalogueFixture {

    private CatalogueFixture() {}

    static Benefit booth() {
        return new Benefit(
                "pycon-booth",
                "pycon-us",
                "Booth",
                "",
                usd(750000),
                usd(0),
                2,
                CapacityKind.HARD,
                false,
                false,
                true,
                List.of("pycon-startup-row"),
                List.of("pycon-terms"));
    }

    static Benefit lanyards() {
        return new Benefit(
                "pycon-lanyards",
                "pycon-us",
                "Lanyards",
                "",
                usd(1200000),
                usd(1500000),
                1,
                CapacityKind.SOFT,
                true,
                false,
                false,
                List.of(),
                List.of());
    }

    static Benefit packaging() {
        return new Benefit(
                "packaging-sponsor",
                "packaging",
                "Packaging",
                "",
                usd(2500000),
                usd(2500000),
                null,
                CapacityKind.HARD,
                true,
                true,
                false,
                List.of(),
                List.of());
    }

    static Catalogue year2022() {
        return new Catalogue(
                2022,
                List.of(new SponsorPackage(
                        "visionary",
                        "Visionary",
                        usd(15000000),
                        1,
                        List.of(new SponsorPackage.Line("pycon-booth", 1)))),
                List.of(booth(), lanyards(), packaging()),
                List.of(new LegalClause(
                        "pycon-terms", "PyCon US participation", "Booths follow the exhibitor terms.")));
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }
}
