package org.endow.sponsors.catalogue.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of every year, and the units of each benefit held by sponsorships. */
public interface Catalogues {

    Optional<Catalogue> year(int year);

    List<Integer> years();

    List<Program> programs();

    /** Adds a whole year; false when the year already has a catalogue. */
    boolean add(Catalogue catalogue);

    /**
     * Locks a benefit's row until the transaction ends (a capacity change and the sale of its units
     * take the same lock) and reads it.
     */
    Optional<Benefit> lockBenefit(int year, String code);

    void changeCapacity(int year, String code, Integer capacity, CapacityKind kind);

    /** Units held per benefit code in that year (benefits nobody holds are absent). */
    Map<String, Integer> held(int year);
}
