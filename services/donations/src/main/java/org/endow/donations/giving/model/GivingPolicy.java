package org.endow.donations.giving.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.endow.kernel.Money;

/**
 * What a donor may give: accepted currencies with a minimum and maximum each (the maximum guards
 * against typos and card testing; larger gifts go through staff).
 */
public record GivingPolicy(Map<String, Limits> limitsByCurrency) {

    public GivingPolicy {
        limitsByCurrency = Map.copyOf(limitsByCurrency);
    }

    public Set<String> currencies() {
        return limitsByCurrency.keySet();
    }

    /** Why the amount cannot be accepted, or empty when it can. */
    public Optional<String> refusal(Money amount) {
        Limits limits = limitsByCurrency.get(amount.currencyCode());
        if (limits == null) {
            return Optional.of("currency " + amount.currencyCode() + " is not accepted; use one of "
                    + String.join(", ", new java.util.TreeSet<>(currencies())));
        }
        if (amount.minor() < limits.minMinor()) {
            return Optional.of("must be at least " + Money.of(limits.minMinor(), amount.currencyCode()));
        }
        if (amount.minor() > limits.maxMinor()) {
            return Optional.of("must be at most " + Money.of(limits.maxMinor(), amount.currencyCode()));
        }
        return Optional.empty();
    }

    public record Limits(long minMinor, long maxMinor) {
        public Limits {
            if (minMinor < 1 || maxMinor < minMinor) {
                throw new IllegalArgumentException("limits need 1 <= min <= max");
            }
        }
    }
}
