package org.endow.donations.receipts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.donations.receipts.model.ReceiptNumbers;

/**
 * One counter row per year, incremented with an upsert: the row stays locked until the issuing transaction ends, so
 * numbers are handed out one transaction at a time, and a rollback gives the number back — no gap, no duplicate.
 */
@Singleton
class JdbcReceiptNumbers implements ReceiptNumbers {

    private final JdbcOperations jdbc;

    JdbcReceiptNumbers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ReceiptNumber next(int year) {
        int sequence = jdbc.prepareStatement(
                "insert into receipt_counter (year, last) values (?, 1)"
                        + " on conflict (year) do update set last = receipt_counter.last + 1 returning last",
                statement -> {
                    statement.setInt(1, year);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
        return new ReceiptNumber(year, sequence);
    }
}
