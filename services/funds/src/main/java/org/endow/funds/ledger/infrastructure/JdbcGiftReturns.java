package org.endow.funds.ledger.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import org.endow.funds.ledger.model.GiftReturns;
import org.endow.kernel.Money;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcGiftReturns implements GiftReturns {

    private final JdbcOperations jdbc;

    JdbcGiftReturns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Returned of(String donationId, String currency, String ledgerCurrency) {
        return jdbc.prepareStatement(
                "select given_minor, taken_minor from gift_returned"
                        + " where donation_id = ? and currency = ? and ledger_currency = ?",
                statement -> {
                    statement.setString(1, donationId);
                    statement.setString(2, currency);
                    statement.setString(3, ledgerCurrency);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next()
                                ? new Returned(
                                        Money.of(rs.getLong(1), currency), Money.of(rs.getLong(2), ledgerCurrency))
                                : new Returned(Money.zero(currency), Money.zero(ledgerCurrency));
                    }
                });
    }

    @Override
    public void add(String donationId, Money part, Money taken) {
        jdbc.prepareStatement(
                "insert into gift_returned (donation_id, currency, ledger_currency, given_minor, taken_minor)"
                        + " values (?, ?, ?, ?, ?) on conflict (donation_id, currency, ledger_currency) do update"
                        + " set given_minor = gift_returned.given_minor + excluded.given_minor,"
                        + " taken_minor = gift_returned.taken_minor + excluded.taken_minor",
                statement -> {
                    statement.setString(1, donationId);
                    statement.setString(2, part.currencyCode());
                    statement.setString(3, taken.currencyCode());
                    statement.setLong(4, part.minor());
                    statement.setLong(5, taken.minor());
                    return statement.executeUpdate();
                });
    }
}
