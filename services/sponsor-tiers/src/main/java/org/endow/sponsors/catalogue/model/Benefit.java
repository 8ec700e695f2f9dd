package org.endow.sponsors.catalogue.model;

import java.util.List;
import java.util.OptionalInt;
import org.endow.kernel.Money;

/**
 * What a sponsor gets. {@code internalValue} is what it is worth to the foundation (it splits a fee
 * between programs); {@code price} is what it costs as an add-on or on its own. A null capacity is
 * unlimited.
 */
public record Benefit(
        String code,
        String programCode,
        String name,
        String description,
        Money internalValue,
        Money price,
        Integer capacity,
        CapacityKind capacityKind,
        boolean addOn,
        boolean standalone,
        boolean packageOnly,
        List<String> conflicts,
        List<String> clauseCodes,
        List<AssetRequirement> assets) {

    /** A benefit that needs nothing from the sponsor. */
    public Benefit(
            String code,
            String programCode,
            String name,
            String description,
            Money internalValue,
            Money price,
            Integer capacity,
            CapacityKind capacityKind,
            boolean addOn,
            boolean standalone,
            boolean packageOnly,
            List<String> conflicts,
            List<String> clauseCodes) {
        this(
                code,
                programCode,
                name,
                description,
                internalValue,
                price,
                capacity,
                capacityKind,
                addOn,
                standalone,
                packageOnly,
                conflicts,
                clauseCodes,
                List.of());
    }

    public Benefit {
        if (capacity != null && capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        if (packageOnly && (addOn || standalone)) {
            throw new IllegalArgumentException("a package-only benefit is neither an add-on nor standalone");
        }
        conflicts = List.copyOf(conflicts);
        clauseCodes = List.copyOf(clauseCodes);
        assets = List.copyOf(assets);
        if (assets.stream().map(AssetRequirement::code).distinct().count() != assets.size()) {
            throw new IllegalArgumentException("a benefit's assets have distinct codes");
        }
    }

    public Benefit withCapacity(Integer newCapacity, CapacityKind newKind) {
        return new Benefit(
                code,
                programCode,
                name,
                description,
                internalValue,
                price,
                newCapacity,
                newKind,
                addOn,
                standalone,
                packageOnly,
                conflicts,
                clauseCodes,
                assets);
    }

    /** Units still to sell given the units held, empty when unlimited; never below zero. */
    public OptionalInt remaining(int held) {
        if (capacity == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(0, capacity - held));
    }

    /** Whether {@code wanted} more units may be sold while {@code held} are held (SOFT capacity never refuses). */
    public boolean canTake(int held, int wanted) {
        return capacity == null || capacityKind == CapacityKind.SOFT || held + wanted <= capacity;
    }

    public boolean conflictsWith(String otherCode) {
        return conflicts.contains(otherCode);
    }
}
