package org.endow.funds.ledger.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

public interface Journal {

    /**
     * Appends the entry unless an entry from the same source event exists.
     *
     * @return false when the source event was already recorded
     */
    boolean append(JournalEntry entry);

    /**
     * {@link #append} of several entries, in order; where the store can, with one write for all of them.
     *
     * @return the ids of the entries appended (an entry whose source event was already recorded is left out)
     */
    default Set<UUID> appendAll(List<JournalEntry> entries) {
        Set<UUID> appended = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (append(entry)) {
                appended.add(entry.id());
            }
        }
        return appended;
    }

    /** Each account's balance for one fund in one currency, in minor units, normal side positive. */
    Map<Account, Long> balances(String fundCode, String currency);

    /** {@link #balances} of several funds, each in its currency (key: fund code); one query where the store can. */
    default Map<String, Map<Account, Long>> balances(Map<String, String> currencyByFund) {
        Map<String, Map<Account, Long>> all = new HashMap<>();
        currencyByFund.forEach((fund, currency) -> all.put(fund, balances(fund, currency)));
        return all;
    }

    /** Total debits minus total credits over the whole journal, per currency: always zero. */
    Map<String, Long> trialBalance();

    /** Each account's balance for one fund and currency from the entries that occurred before {@code at}. */
    Map<Account, Long> balancesBefore(String fundCode, String currency, java.time.Instant at);

    /** Entries matching the filter, oldest first, at most {@code filter.limit()}. */
    List<JournalEntry> entries(LedgerFilter filter);

    /** How many entries match the filter, however many that is ({@code filter.limit()} aside). */
    long count(LedgerFilter filter);
}
