package org.endow.sponsors.catalogue.model;

/** HARD: never sold beyond capacity. SOFT: staff may go beyond it; the catalogue shows the overrun. */
public enum CapacityKind {
    HARD,
    SOFT
}
