package org.endow.sponsors.catalogue.model;

import java.util.List;
import java.util.Optional;

/** One year's offer: packages, benefits and the legal clauses they carry. */
public record Catalogue(int year, List<SponsorPackage> packages, List<Benefit> benefits, List<LegalClause> clauses) {

    public Catalogue {
        packages = List.copyOf(packages);
        benefits = List.copyOf(benefits);
        clauses = List.copyOf(clauses);
    }

    public Optional<Benefit> benefit(String code) {
        return benefits.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    public Optional<SponsorPackage> sponsorPackage(String code) {
        return packages.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The same offer for another year; nothing is held there yet. */
    public Catalogue forYear(int other) {
        if (other == year) {
            throw new IllegalArgumentException("a year is cloned into another year");
        }
        return new Catalogue(other, packages, benefits, clauses);
    }
}
