package org.endow.sponsors.catalogue.application;

import java.util.List;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.Program;

/** A year's catalogue with each benefit's units held and remaining, as of now. */
public record CatalogueView(Catalogue catalogue, List<Program> programs, List<BenefitStock> stock) {

    /** {@code remaining} is null when the benefit is unlimited. */
    public record BenefitStock(Benefit benefit, int held, Integer remaining) {}
}
