package org.endow.sponsors.sponsorships.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endow.kernel.Money;

/**
 * How a fee is divided between programs: in proportion to the internal value of the benefits
 * bought (value × quantity, per program), in whole minor units, the rounding remainders going to
 * the largest fractions so that the parts add up to the fee exactly. Without any internal value the
 * whole fee goes to the foundation's general program.
 */
public final class FeeSplit {

    public static final String GENERAL_PROGRAM = "foundation";

    private FeeSplit() {}

    public record Share(String programCode, Money amount) {}

    public static List<Share> of(Money fee, List<Selection.Line> lines) {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (Selection.Line line : lines) {
            long weight = Math.multiplyExact(line.benefit().internalValue().minor(), line.quantity());
            if (weight > 0) {
                weights.merge(line.benefit().programCode(), weight, Math::addExact);
            }
        }
        long total = weights.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return List.of(new Share(GENERAL_PROGRAM, fee));
        }
        record Part(String program, long whole, java.math.BigInteger remainder) {}
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, Long> weight : weights.entrySet()) {
            java.math.BigInteger[] division = java.math.BigInteger.valueOf(fee.minor())
                    .multiply(java.math.BigInteger.valueOf(weight.getValue()))
                    .divideAndRemainder(java.math.BigInteger.valueOf(total));
            parts.add(new Part(weight.getKey(), division[0].longValueExact(), division[1]));
            given += division[0].longValueExact();
        }
        long left = fee.minor() - given;
        List<Part> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.comparing(Part::remainder).reversed().thenComparing(Part::program));
        Map<String, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < left; i++) {
            extra.merge(byRemainder.get(i % byRemainder.size()).program(), 1L, Long::sum);
        }
        return parts.stream()
                .map(p -> new Share(
                        p.program(), Money.of(p.whole() + extra.getOrDefault(p.program(), 0L), fee.currencyCode())))
                .filter(s -> s.amount().isPositive())
                .toList();
    }
}
