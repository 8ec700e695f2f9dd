package org.endow.funds.ledger.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
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

    /**
     * Two statements for any number of entries: the entries from arrays ({@code unnest}), skipping a source event
     * already recorded, then the lines of those appended. Each statement fires the balance triggers once (V10).
     */
    @Override
    public Set<UUID> appendAll(List<JournalEntry> entries) {
        if (entries.size() <= 1) {
            return Journal.super.appendAll(entries);
        }
        Set<UUID> appended = jdbc.prepareStatement(
                "insert into journal_entry (id, source_event_id, kind, fund_code, description, occurred_at)"
                        + " select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],"
                        + " ?::timestamptz[]) on conflict (source_event_id) do nothing returning id",
                statement -> {
                    Connection connection = statement.getConnection();
                    int n = entries.size();
                    String[] ids = new String[n], sources = new String[n], kinds = new String[n];
                    String[] funds = new String[n], descriptions = new String[n], times = new String[n];
                    for (int i = 0; i < n; i++) {
                        JournalEntry entry = entries.get(i);
                        ids[i] = entry.id().toString();
                        sources[i] = entry.sourceEventId().toString();
                        kinds[i] = entry.kind().name();
                        funds[i] = entry.fundCode();
                        descriptions[i] = entry.description();
                        times[i] = entry.occurredAt().toString(); // ISO-8601 in UTC, whatever the JVM's zone
                    }
                    statement.setArray(1, connection.createArrayOf("text", ids));
                    statement.setArray(2, connection.createArrayOf("text", sources));
                    statement.setArray(3, connection.createArrayOf("text", kinds));
                    statement.setArray(4, connection.createArrayOf("text", funds));
                    statement.setArray(5, connection.createArrayOf("text", descriptions));
                    statement.setArray(6, connection.createArrayOf("text", times));
                    Set<UUID> inserted = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            inserted.add(rows.getObject(1, UUID.class));
                        }
                    }
                    return inserted;
                });
        List<String> entryIds = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<String> funds = new ArrayList<>();
        List<Long> debits = new ArrayList<>();
        List<Long> credits = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (!appended.contains(entry.id())) {
                continue;
            }
            int lineNo = 1;
            for (Posting posting : entry.postings()) {
                entryIds.add(entry.id().toString());
                lineNos.add(lineNo++);
                accounts.add(posting.account().code());
                funds.add(posting.fundCode());
                debits.add(posting.side() == Side.DEBIT ? posting.amount().minor() : 0L);
                credits.add(posting.side() == Side.CREDIT ? posting.amount().minor() : 0L);
                currencies.add(posting.amount().currencyCode());
            }
        }
        if (entryIds.isEmpty()) {
            return appended;
        }
        jdbc.prepareStatement(
                "insert into journal_line (entry_id, line_no, account, fund_code, debit_minor, credit_minor, currency)"
                        + " select * from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],"
                        + " ?::text[])",
                statement -> {
                    Connection connection = statement.getConnection();
                    statement.setArray(1, connection.createArrayOf("text", entryIds.toArray()));
                    statement.setArray(2, connection.createArrayOf("int4", lineNos.toArray()));
                    statement.setArray(3, connection.createArrayOf("text", accounts.toArray()));
                    statement.setArray(4, connection.createArrayOf("text", funds.toArray()));
                    statement.setArray(5, connection.createArrayOf("int8", debits.toArray()));
                    statement.setArray(6, connection.createArrayOf("int8", credits.toArray()));
                    statement.setArray(7, connection.createArrayOf("text", currencies.toArray()));
                    return statement.executeUpdate();
                });
        return appended;
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
                // kept by the database as lines are inserted (V8): one row per account, however long the ledger
                "select account, debit_minus_credit from account_balance where fund_code = ? and currency = ?",
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
    public Map<String, Map<Account, Long>> balances(Map<String, String> currencyByFund) {
        return jdbc.prepareStatement(
                "select fund_code, currency, account, debit_minus_credit from account_balance", statement -> {
                    Map<String, Map<Account, Long>> all = new HashMap<>();
                    currencyByFund.keySet().forEach(fund -> all.put(fund, new EnumMap<>(Account.class)));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            String fund = rs.getString(1);
                            if (!rs.getString(2).trim().equals(currencyByFund.get(fund))) {
                                continue;
                            }
                            Account account = Account.ofCode(rs.getString(3));
                            long debitMinusCredit = rs.getLong(4);
                            all.get(fund)
                                    .put(
                                            account,
                                            account.normalSide() == Side.DEBIT ? debitMinusCredit : -debitMinusCredit);
                        }
                    }
                    return all;
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

    @Override
    public Map<Account, Long> balancesBefore(String fundCode, String currency, java.time.Instant at) {
        return jdbc.prepareStatement(
                "select l.account, sum(l.debit_minor) - sum(l.credit_minor) from journal_line l"
                        + " join journal_entry e on e.id = l.entry_id"
                        + " where l.fund_code = ? and l.currency = ? and e.occurred_at < ? group by l.account",
                statement -> {
                    statement.setString(1, fundCode);
                    statement.setString(2, currency);
                    statement.setTimestamp(3, Timestamp.from(at));
                    Map<Account, Long> balances = new EnumMap<>(Account.class);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            Account account = Account.ofCode(rs.getString(1));
                            long net = rs.getLong(2);
                            balances.put(account, account.normalSide() == Side.DEBIT ? net : -net);
                        }
                    }
                    return balances;
                });
    }

    @Override
    public long count(LedgerFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from journal_entry where true");
        List<Object> parameters = new ArrayList<>();
        where(filter, sql, parameters);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The filter's criteria (its limit aside) as {@code and ...} conditions on {@code journal_entry}. */
    private static void where(LedgerFilter filter, StringBuilder sql, List<Object> parameters) {
        if (filter.fundCode() != null) {
            // an entry belongs to a fund when any of its lines does (a transfer touches two)
            sql.append(" and id in (select entry_id from journal_line where fund_code = ?)");
            parameters.add(filter.fundCode());
        }
        if (filter.kind() != null) {
            sql.append(" and kind = ?");
            parameters.add(filter.kind().name());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
    }

    @Override
    public List<JournalEntry> entries(LedgerFilter filter) {
        StringBuilder sql =
                new StringBuilder("select e.id, e.source_event_id, e.kind, e.fund_code, e.description, e.occurred_at,"
                        + " l.account, l.fund_code, l.debit_minor, l.credit_minor, l.currency"
                        + " from (select * from journal_entry where true");
        List<Object> parameters = new ArrayList<>();
        where(filter, sql, parameters);
        sql.append(" order by occurred_at, recorded_at, id limit ?) e join journal_line l on l.entry_id = e.id"
                + " order by e.occurred_at, e.id, l.line_no");
        parameters.add(filter.limit());
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            Map<UUID, List<Object[]>> rows = new LinkedHashMap<>();
            Map<UUID, Object[]> heads = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    heads.putIfAbsent(id, new Object[] {
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()
                    });
                    rows.computeIfAbsent(id, k -> new ArrayList<>()).add(new Object[] {
                        rs.getString(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getString(11).trim()
                    });
                }
            }
            List<JournalEntry> entries = new ArrayList<>();
            for (var entry : rows.entrySet()) {
                Object[] head = heads.get(entry.getKey());
                List<Posting> postings = new ArrayList<>();
                for (Object[] line : entry.getValue()) {
                    long debit = (Long) line[2];
                    long credit = (Long) line[3];
                    postings.add(new Posting(
                            Account.ofCode((String) line[0]),
                            (String) line[1],
                            debit > 0 ? Side.DEBIT : Side.CREDIT,
                            org.endow.kernel.Money.of(debit > 0 ? debit : credit, (String) line[4])));
                }
                entries.add(new JournalEntry(
                        entry.getKey(),
                        (UUID) head[0],
                        JournalEntry.EntryKind.valueOf((String) head[1]),
                        (String) head[2],
                        (String) head[3],
                        (java.time.Instant) head[4],
                        postings));
            }
            return entries;
        });
    }
}
