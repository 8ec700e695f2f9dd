package org.endow.sponsors.catalogue.application;

import org.endow.sponsors.catalogue.model.CapacityKind;

/** Staff set how many units of a benefit may be sold in a year ({@code capacity} null: unlimited). */
public record ChangeCapacityCommand(
        String staffId, int year, String benefitCode, Integer capacity, CapacityKind kind) {}
