package org.endow.sponsors.sponsorships.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endow.kernel.Money;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.SponsorPackage;

/** A package of a year's catalogue and the add-ons chosen with it. */
public record Selection(int year, String packageCode, List<String> addOns) {

    public Selection {
        addOns = List.copyOf(new java.util.LinkedHashSet<>(addOns));
    }

    /** One benefit bought, with its quantity and what it is worth to the foundation. */
    public record Line(Benefit benefit, int quantity) {}

    /**
     * The benefits bought: the package's with their quantities, then one of each add-on.
     *
     * @throws SelectionRefused with a message a sponsor understands
     */
    public List<Line> lines(Catalogue catalogue) {
        SponsorPackage chosen = catalogue
                .sponsorPackage(packageCode)
                .orElseThrow(() -> new SelectionRefused("packageCode", "no package '" + packageCode + "' in " + year));
        Map<String, Line> lines = new LinkedHashMap<>();
        for (SponsorPackage.Line line : chosen.benefits()) {
            Benefit benefit = catalogue.benefit(line.benefitCode()).orElseThrow();
            lines.put(benefit.code(), new Line(benefit, line.quantity()));
        }
        for (String code : addOns) {
            Benefit benefit = catalogue
                    .benefit(code)
                    .orElseThrow(() -> new SelectionRefused("addOns", "no benefit '" + code + "' in " + year));
            if (!benefit.addOn()) {
                throw new SelectionRefused(
                        "addOns",
                        "'" + benefit.name() + "' is not offered as an add-on"
                                + (benefit.packageOnly() ? " (it comes only with a package)" : ""));
            }
            if (lines.containsKey(code)) {
                throw new SelectionRefused(
                        "addOns", "'" + benefit.name() + "' is already in the " + chosen.name() + " package");
            }
            lines.put(code, new Line(benefit, 1));
        }
        Set<String> chosenCodes = new HashSet<>(lines.keySet());
        for (Line line : lines.values()) {
            for (String conflict : line.benefit().conflicts()) {
                if (chosenCodes.contains(conflict)) {
                    String other =
                            catalogue.benefit(conflict).map(Benefit::name).orElse(conflict);
                    throw new SelectionRefused(
                            "addOns", "'" + line.benefit().name() + "' cannot be combined with '" + other + "'");
                }
            }
        }
        return new ArrayList<>(lines.values());
    }

    /** The package's price plus each add-on's price. */
    public Money fee(Catalogue catalogue) {
        SponsorPackage chosen = catalogue
                .sponsorPackage(packageCode)
                .orElseThrow(() -> new SelectionRefused("packageCode", "no package '" + packageCode + "' in " + year));
        Money fee = chosen.price();
        for (String code : addOns) {
            fee = fee.plus(catalogue.benefit(code).orElseThrow().price());
        }
        return fee;
    }

    /** A selection the catalogue does not allow; {@code field} names the request field at fault. */
    public static final class SelectionRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public SelectionRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
