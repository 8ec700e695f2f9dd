package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import org.endow.sponsors.sponsorships.application.InvoiceNumbers;

/** A counter row per year, incremented in the caller's transaction: a rolled-back invoice leaves no gap. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcInvoiceNumbers implements InvoiceNumbers {

    private final JdbcOperations jdbc;

    JdbcInvoiceNumbers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String next(int year) {
        int sequence = jdbc.prepareStatement(
                "insert into invoice_counter (year, last) values (?, 1)"
                        + " on conflict (year) do update set last = invoice_counter.last + 1 returning last",
                statement -> {
                    statement.setInt(1, year);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
        return String.format("INV-%d-%04d", year, sequence);
    }
}
