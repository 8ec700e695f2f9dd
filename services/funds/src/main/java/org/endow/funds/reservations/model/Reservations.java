package org.endow.funds.reservations.model;

import java.util.Optional;

public interface Reservations {

    Optional<Reservation> find(String grantId);

    void add(Reservation reservation);

    void update(Reservation reservation);

    /** The sum of what the item's active reservations have not paid yet, in one currency, in minor units. */
    long activeTotal(String fundCode, String currency);
}
