package org.endow.fellows.nominations.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One quarterly review cycle: nominations made up to the cut-off are reviewed after it, until the
 * review end (inclusive); the announcement follows.
 *
 * @param label e.g. {@code 2026-Q4}
 */
public record Cycle(String label, LocalDate cutOff, LocalDate reviewEnd) {

    public Cycle {
        Objects.requireNonNull(label);
        if (!reviewEnd.isAfter(cutOff)) {
            throw new IllegalArgumentException("a review ends after its cut-off");
        }
    }

    /** The work group votes in the window: after the cut-off, up to and including the review end. */
    public boolean reviewing(LocalDate day) {
        return day.isAfter(cutOff) && !day.isAfter(reviewEnd);
    }

    public boolean reviewOver(LocalDate day) {
        return day.isAfter(reviewEnd);
    }
}
