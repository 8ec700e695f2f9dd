package org.endow.funds.ledger.model;

import java.util.Map;

public interface Journal {

    /**
     * Appends the entry unless an entry from the same source event exists.
     *
     * @return false when the source event was already recorded
     */
    boolean append(JournalEntry entry);

    /** Each account's balance for one fund in one currency, in minor units, normal side positive. */
    Map<Account, Long> balances(String fundCode, String currency);

    /** Total debits minus total credits over the whole journal, per currency: always zero. */
    Map<String, Long> trialBalance();
}
