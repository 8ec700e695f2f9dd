package org.endow.funds.ledger.model;

import org.endow.kernel.Money;

/**
 * How far an item is funded.
 *
 * @param pledged promised and not yet received
 * @param raised received for the item (including what has since been paid out to grants)
 * @param reserved raised money set aside for approved grants and not yet paid
 * @param given everything given to the item (pledged and received), the fund's balance
 * @param disbursed paid out to grants (milestone payments)
 */
public record ItemBalance(Money target, Money pledged, Money raised, Money reserved, Money given, Money disbursed) {

    /** Raised, neither paid out nor reserved: what new grants can still draw on. */
    public Money available() {
        return raised.minus(disbursed).minus(reserved);
    }

    /** Percent of the target raised (money in hand) so far, rounded down; 0 when there is no target. */
    public int percentOfTarget() {
        if (target.minor() <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.multiplyExact(raised.minor(), 100L) / target.minor());
    }
}
