package org.endow.funds.items.model;

import java.util.Objects;
import org.endow.kernel.Money;

/**
 * Something the foundation raises money for: a project, a role, an event, or the general fund.
 *
 * @param target the funding target; zero when there is none (the general fund)
 */
public record FundedItem(String code, String title, String description, Kind kind, Money target, Status status) {

    public static final String GENERAL_FUND = "general";

    public FundedItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        if (target.isNegative()) {
            throw new IllegalArgumentException("a target cannot be negative");
        }
    }

    public enum Kind {
        GENERAL,
        PROJECT,
        ROLE,
        EVENT
    }

    public enum Status {
        OPEN,
        FUNDED,
        CLOSED
    }
}
