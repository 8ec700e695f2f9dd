package org.endow.funds.ledger.model;

import org.endow.kernel.Money;

/**
 * What has gone back to the donor of each gift converted into its item's currency (refunds and lost disputes
 * together), in the gift's currency and as taken out of the ledger, so that each further part is converted as the
 * difference of the running totals and all parts together take out exactly what the gift put in.
 */
public interface GiftReturns {

    /** What has gone back of this gift so far; zero in both currencies when nothing has. */
    Returned of(String donationId, String currency, String ledgerCurrency);

    /** Adds a part given back ({@code part} in the gift's currency, {@code taken} out of the ledger). */
    void add(String donationId, Money part, Money taken);

    /**
     * @param given what went back, in the gift's currency
     * @param taken what that took out of the ledger, in the item's currency
     */
    record Returned(Money given, Money taken) {}
}
