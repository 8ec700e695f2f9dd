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

    /** Units held per benefit code in that year (benefits nobody holds are absent). */
    Map<String, Integer> held(int year);
}
