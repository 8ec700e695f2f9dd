package org.endow.funds.reservations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.endow.funds.reservations.model.Reservation;
import org.endow.funds.reservations.model.Reservations;
import org.endow.kernel.Money;

@Singleton
class JdbcReservations implements Reservations {

    private final JdbcOperations jdbc;

    JdbcReservations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Reservation> find(String grantId) {
        return jdbc.prepareStatement(
                "select grant_id, fund_code, amount_minor, currency, status, reserved_at, released_at, disbursed_minor"
                        + " from reservation where grant_id = ?",
                statement -> {
                    statement.setString(1, grantId);
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        Timestamp released = rs.getTimestamp(7);
                        return Optional.of(new Reservation(
                                rs.getString(1),
                                rs.getString(2),
                                Money.of(rs.getLong(3), rs.getString(4).trim()),
                                rs.getTimestamp(6).toInstant(),
                                Reservation.Status.valueOf(rs.getString(5)),
                                released == null ? null : released.toInstant(),
                                Money.of(rs.getLong(8), rs.getString(4).trim())));
                    }
                });
    }

    @Override
    public void add(Reservation reservation) {
        jdbc.prepareStatement(
                "insert into reservation (grant_id, fund_code, amount_minor, currency, status, reserved_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, reservation.grantId());
                    statement.setString(2, reservation.fundCode());
                    statement.setLong(3, reservation.amount().minor());
                    statement.setString(4, reservation.amount().currencyCode());
                    statement.setString(5, reservation.status().name());
                    statement.setTimestamp(6, Timestamp.from(reservation.reservedAt()));
                    return statement.executeUpdate();
                });
    }

    @Override
    public void update(Reservation reservation) {
        jdbc.prepareStatement(
                "update reservation set status = ?, released_at = ?, disbursed_minor = ? where grant_id = ?",
                statement -> {
                    statement.setString(1, reservation.status().name());
                    statement.setTimestamp(
                            2, reservation.releasedAt() == null ? null : Timestamp.from(reservation.releasedAt()));
                    statement.setLong(3, reservation.disbursed().minor());
                    statement.setString(4, reservation.grantId());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Map<String, Long> activeTotals(Map<String, String> currencyByFund) {
        return jdbc.prepareStatement(
                "select fund_code, currency, sum(amount_minor - disbursed_minor) from reservation"
                        + " where status = 'RESERVED' group by fund_code, currency",
                statement -> {
                    Map<String, Long> all = new HashMap<>();
                    currencyByFund.keySet().forEach(fund -> all.put(fund, 0L));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            String fund = rs.getString(1);
                            if (rs.getString(2).trim().equals(currencyByFund.get(fund))) {
                                all.put(fund, rs.getLong(3));
                            }
                        }
                    }
                    return all;
                });
    }

    @Override
    public long activeTotal(String fundCode, String currency) {
        return jdbc.prepareStatement(
                "select coalesce(sum(amount_minor - disbursed_minor), 0) from reservation"
                        + " where fund_code = ? and currency = ? and status = 'RESERVED'",
                statement -> {
                    statement.setString(1, fundCode);
                    statement.setString(2, currency);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }
}
