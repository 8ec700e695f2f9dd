package org.endow.funds.ledger.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.funds.ledger.model.ExchangeRate;
import org.endow.funds.ledger.model.ExchangeRates;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcExchangeRates implements ExchangeRates {

    private final JdbcOperations jdbc;

    JdbcExchangeRates(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ExchangeRate rate, String recordedBy, Instant recordedAt) {
        jdbc.prepareStatement(
                "insert into exchange_rate (currency, ledger_currency, rate, effective_from, recorded_by, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (currency, ledger_currency, effective_from)"
                        + " do update set rate = excluded.rate, recorded_by = excluded.recorded_by,"
                        + " recorded_at = excluded.recorded_at",
                statement -> {
                    statement.setString(1, rate.currency());
                    statement.setString(2, rate.ledgerCurrency());
                    statement.setBigDecimal(3, rate.rate());
                    statement.setTimestamp(4, Timestamp.from(rate.effectiveFrom()));
                    statement.setString(5, recordedBy);
                    statement.setTimestamp(6, Timestamp.from(recordedAt));
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<ExchangeRate> at(String currency, String ledgerCurrency, Instant at) {
        // in effect at `at` (the latest from before it) first, else the first one recorded after it
        return jdbc.prepareStatement(
                "select currency, ledger_currency, rate, effective_from from exchange_rate"
                        + " where currency = ? and ledger_currency = ?"
                        + " order by (effective_from <= ?) desc,"
                        + " case when effective_from <= ? then effective_from end desc, effective_from asc limit 1",
                statement -> {
                    statement.setString(1, currency);
                    statement.setString(2, ledgerCurrency);
                    statement.setTimestamp(3, Timestamp.from(at));
                    statement.setTimestamp(4, Timestamp.from(at));
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.<ExchangeRate>empty();
                    }
                });
    }

    @Override
    public List<ExchangeRate> all() {
        return jdbc.prepareStatement(
                "select currency, ledger_currency, rate, effective_from from exchange_rate"
                        + " order by effective_from desc, currency limit 500",
                statement -> {
                    List<ExchangeRate> rates = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rates.add(map(rs));
                        }
                    }
                    return rates;
                });
    }

    @Override
    public Optional<ExchangeRate> ofDonation(String donationId, String currency, String ledgerCurrency) {
        return jdbc.prepareStatement(
                "select currency, ledger_currency, rate, to_timestamp(0) as effective_from from donation_rate"
                        + " where donation_id = ? and currency = ? and ledger_currency = ?",
                statement -> {
                    statement.setString(1, donationId);
                    statement.setString(2, currency);
                    statement.setString(3, ledgerCurrency);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.<ExchangeRate>empty();
                    }
                });
    }

    @Override
    public void fix(String donationId, ExchangeRate rate) {
        jdbc.prepareStatement(
                "insert into donation_rate (donation_id, currency, ledger_currency, rate) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                statement -> {
                    statement.setString(1, donationId);
                    statement.setString(2, rate.currency());
                    statement.setString(3, rate.ledgerCurrency());
                    statement.setBigDecimal(4, rate.rate());
                    return statement.executeUpdate();
                });
    }

    private static ExchangeRate map(ResultSet rs) throws SQLException {
        return new ExchangeRate(
                rs.getString("currency").strip(),
                rs.getString("ledger_currency").strip(),
                rs.getBigDecimal("rate").stripTrailingZeros(),
                rs.getTimestamp("effective_from").toInstant());
    }
}
