package org.endow.funds.reservations.application;

import jakarta.inject.Singleton;
import java.util.Map;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.reservations.model.Reservations;
import org.endow.kernel.Money;

/**
 * What an item can still commit: the money it holds (raised, less what grants have been paid), less
 * what approved grants have reserved and not yet been paid.
 */
@Singleton
public class Availability {

    private final Journal journal;
    private final Reservations reservations;

    public Availability(Journal journal, Reservations reservations) {
        this.journal = journal;
        this.reservations = reservations;
    }

    public Money reserved(String fundCode, String currency) {
        return Money.of(reservations.activeTotal(fundCode, currency), currency);
    }

    /** What each fund's active reservations hold, in minor units of its currency (key: fund code). */
    public Map<String, Long> reserved(Map<String, String> currencyByFund) {
        return reservations.activeTotals(currencyByFund);
    }

    public Money available(String fundCode, String currency) {
        long raised = journal.balances(fundCode, currency).getOrDefault(Account.CASH, 0L);
        return Money.of(raised, currency).minus(reserved(fundCode, currency));
    }
}
