package org.endow.funds.ledger.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.Posting;
import org.endow.funds.ledger.model.Side;

@Singleton
class JdbcJournal implements Journal {

    private final JdbcOperations jdbc;

    JdbcJournal(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean append(JournalEntry entry) {
        int inserted = jdbc.prepareStatement(
                "insert into journal_entry (id, source_event_id, kind, fund_code, description, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (source_event_id) do nothing",
                statement -> {
                    statement.setObject(1, entry.id());
                    statement.setObject(2, entry.sourceEventId());
                    statement.setString(3, entry.kind().name());
                    statement.setString(4, entry.fundCode());
                    statement.setString(5, entry.description());
                    statement.setTimestamp(6, Timestamp.from(entry.occurredAt()));
                    return statement.executeUpdate();
                });
        if (inserted == 0) {
            return false;
        }
        jdbc.prepareStatement(
                "insert into journal_line (entry_id, line_no, account, fund_code, debit_minor, credit_minor, currency)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    int lineNo = 1;
                    for (Posting posting : entry.postings()) {
                        bindLine(statement, entry, lineNo++, posting);
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
        return true;
    }

    private static void bindLine(PreparedStatement statement, JournalEntry entry, int lineNo, Posting posting)
            throws java.sql.SQLException {
        statement.setObject(1, entry.id());
        statement.setInt(2, lineNo);
        statement.setString(3, posting.account().code());
        statement.setString(4, posting.fundCode());
        statement.setLong(5, posting.side() == Side.DEBIT ? posting.amount().minor() : 0);
        statement.setLong(6, posting.side() == Side.CREDIT ? posting.amount().minor() : 0);
        statement.setString(7, posting.amount().currencyCode());
    }

    @Override
    public Map<Account, Long> balances(String fundCode, String currency) {
        return jdbc.prepareStatement(
                "select account, sum(debit_minor) - sum(credit_minor) from journal_line"
                        + " where fund_code = ? and currency = ? group by account",
                statement -> {
                    statement.setString(1, fundCode);
                    statement.setString(2, currency);
                    Map<Account, Long> balances = new EnumMap<>(Account.class);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            Account account = Account.ofCode(rs.getString(1));
                            long debitMinusCredit = rs.getLong(2);
                            balances.put(
                                    account, account.normalSide() == Side.DEBIT ? debitMinusCredit : -debitMinusCredit);
                        }
                    }
                    return balances;
                });
    }

    @Override
    public Map<String, Long> trialBalance() {
        return jdbc.prepareStatement(
                "select currency, sum(debit_minor) - sum(credit_minor) from journal_line group by currency"
                        + " order by currency",
                statement -> {
                    Map<String, Long> totals = new LinkedHashMap<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            totals.put(rs.getString(1).trim(), rs.getLong(2));
                        }
                    }
                    return totals;
                });
    }
}
