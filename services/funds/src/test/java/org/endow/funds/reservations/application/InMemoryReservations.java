package org.endow.funds.reservations.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.endow.funds.reservations.model.Reservation;
import org.endow.funds.reservations.model.Reservations;

public final class InMemoryReservations implements Reservations {

    final Map<String, Reservation> byGrant = new LinkedHashMap<>();

    @Override
    public Optional<Reservation> find(String grantId) {
        return Optional.ofNullable(byGrant.get(grantId));
    }

    @Override
    public void add(Reservation reservation) {
        if (byGrant.putIfAbsent(reservation.grantId(), reservation) != null) {
            throw new IllegalStateException("duplicate reservation " + reservation.grantId());
        }
    }

    @Override
    public void update(Reservation reservation) {
        byGrant.put(reservation.grantId(), reservation);
    }

    @Override
    public long activeTotal(String fundCode, String currency) {
        return byGrant.values().stream()
                .filter(r -> r.isActive()
                        && r.fundCode().equals(fundCode)
                        && r.amount().currencyCode().equals(currency))
                .mapToLong(r -> r.remaining().minor())
                .sum();
    }
}
