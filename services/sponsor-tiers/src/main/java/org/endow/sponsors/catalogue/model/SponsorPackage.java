package org.endow.sponsors.catalogue.model;

import java.util.List;
import org.endow.kernel.Money;

/** A yearly package (Visionary, Sustainability, ...) and the benefits it gives, with quantities. */
public record SponsorPackage(String code, String name, Money price, int position, List<Line> benefits) {

    public SponsorPackage {
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a package has a price");
        }
        benefits = List.copyOf(benefits);
    }

    public record Line(String benefitCode, int quantity) {
        public Line {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }
    }
}
