package org.endow.funds.reservations.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public interface Reservations {

    Optional<Reservation> find(String grantId);

    void add(Reservation reservation);

    void update(Reservation reservation);

    /** The sum of what the item's active reservations have not paid yet, in one currency, in minor units. */
    long activeTotal(String fundCode, String currency);

    /** {@link #activeTotal} of several funds, each in its currency (key: fund code); one query where the store can. */
    default Map<String, Long> activeTotals(Map<String, String> currencyByFund) {
        Map<String, Long> all = new HashMap<>();
        currencyByFund.forEach((fund, currency) -> all.put(fund, activeTotal(fund, currency)));
        return all;
    }
}
