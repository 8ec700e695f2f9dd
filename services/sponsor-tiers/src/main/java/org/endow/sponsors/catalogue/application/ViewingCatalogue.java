package org.endow.sponsors.catalogue.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.endow.platform.problem.ProblemException;
import org.endow.sponsors.catalogue.model.Catalogues;

/** Reads a year's catalogue; remaining capacity is computed from the units held at this moment. */
@Singleton
public class ViewingCatalogue {

    private final Catalogues catalogues;

    ViewingCatalogue(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Transactional(readOnly = true)
    public CatalogueView year(int year) {
        var catalogue = catalogues
                .year(year)
                .orElseThrow(() -> ProblemException.notFound("there is no sponsorship catalogue for " + year));
        Map<String, Integer> held = catalogues.held(year);
        var stock = catalogue.benefits().stream()
                .map(b -> {
                    int units = held.getOrDefault(b.code(), 0);
                    var remaining = b.remaining(units);
                    return new CatalogueView.BenefitStock(
                            b, units, remaining.isPresent() ? remaining.getAsInt() : null);
                })
                .toList();
        return new CatalogueView(catalogue, catalogues.programs(), stock);
    }

    @Transactional(readOnly = true)
    public List<Integer> years() {
        return catalogues.years();
    }
}
