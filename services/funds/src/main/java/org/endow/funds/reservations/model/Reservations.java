package org.endow.funds.reservations.model;

import java.util.Optional;

public interface Reservations {

    Optional<Reservation> find(String grantId);

    void add(Reservation reservation);

    void update(Reservation reservation);

    /** The sum of the item's active reservations in one currency, in minor units. */
    long activeTotal(String fundCode, String currency);
}
