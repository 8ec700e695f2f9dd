package org.endow.funds.ledger.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.ledger.model.LedgerFilter;
import org.endow.funds.statements.application.PreparingStatement;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journal on a real PostgreSQL: the schema itself refuses unbalanced and edited entries. */
class JdbcJournalIT {

    static ApplicationContext context;
    static Journal journal;
    static TransactionOperations<Connection> tx;
    static JdbcOperations jdbc;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Database db = TestInfra.get().freshDatabase("funds_journal");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", db.jdbcUrl(),
                "datasources.default.username", db.username(),
                "datasources.default.password", db.password(),
                "kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers(),
                "endow.messaging.service", "funds-journal-it-" + UUID.randomUUID(),
                "endow.messaging.consumer-enabled", false,
                "micronaut.server.port", -1,
                "endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem(),
                "endow.funds.statement-max-lines", 2));
        journal = context.getBean(Journal.class);
        tx = context.getBean(TransactionOperations.class);
        jdbc = context.getBean(JdbcOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void an_entry_is_appended_once_per_source_event_and_balances() {
        UUID source = UUID.randomUUID();
        JournalEntry pledge = JournalEntry.pledge(source, "d-1", "security-dir", Money.of(1_234, "USD"), Instant.now());
        long before = tx.executeRead(s -> journal.balances("security-dir", "USD"))
                .getOrDefault(Account.PLEDGES_RECEIVABLE, 0L);

        boolean first = tx.executeWrite(s -> journal.append(pledge));
        boolean second = tx.executeWrite(s -> journal.append(pledge));
        assertTrue(first);
        assertFalse(second, "the same source event must not be journalled twice");

        Map<Account, Long> balances = tx.executeRead(s -> journal.balances("security-dir", "USD"));
        assertEquals(before + 1_234, balances.get(Account.PLEDGES_RECEIVABLE));
        tx.executeRead(s -> journal.trialBalance()).forEach((currency, net) -> assertEquals(0L, net, currency));
    }

    @Test
    void entries_appended_together_skip_a_recorded_source_event_and_keep_the_totals_exact() {
        Instant at = Instant.parse("2026-10-15T12:00:00Z");
        JournalEntry earlier =
                JournalEntry.receipt(UUID.randomUUID(), "d-3", "core-sprint-2027", Money.of(500, "USD"), at);
        tx.executeWrite(s -> journal.append(earlier));
        List<JournalEntry> together = List.of(
                JournalEntry.receipt(UUID.randomUUID(), "d-4", "core-sprint-2027", Money.of(700, "USD"), at),
                earlier,
                JournalEntry.pledge(UUID.randomUUID(), "d-5", "core-sprint-2027", Money.of(300, "USD"), at),
                JournalEntry.receipt(UUID.randomUUID(), "d-6", "packaging", Money.of(41, "USD"), at));

        Set<UUID> appended = tx.executeWrite(s -> journal.appendAll(together));

        assertEquals(
                Set.of(
                        together.get(0).id(),
                        together.get(2).id(),
                        together.get(3).id()),
                appended);
        assertEquals(
                2L,
                count("select count(*) from journal_line where entry_id = '"
                        + together.get(3).id() + "'"));
        // the totals kept per statement (V10) equal the sums over every line
        assertEquals(
                0L,
                count("select count(*) from account_balance b full join (select fund_code, account, currency,"
                        + " sum(debit_minor) - sum(credit_minor) as net from journal_line group by 1, 2, 3) l"
                        + " using (fund_code, account, currency) where b.debit_minus_credit is distinct from l.net"));
        assertEquals(
                0L,
                count(
                        "select count(*) from income_by_month i full join (select date_trunc('month',"
                                + " e.occurred_at at time zone 'UTC')::date as month, income_source(e.kind) as source, l.currency,"
                                + " sum(l.debit_minor) as amount from journal_entry e join journal_line l on l.entry_id = e.id"
                                + " where l.account in ('cash', 'in-kind') and l.debit_minor > 0 and e.kind <> 'TRANSFER'"
                                + " group by 1, 2, 3) s using (month, source, currency) where i.amount_minor is distinct from s.amount"));
        tx.executeRead(s -> journal.trialBalance()).forEach((currency, net) -> assertEquals(0L, net, currency));
    }

    @Test
    void a_statement_lists_every_entry_of_its_period_with_the_ledger_s_balances_or_asks_for_a_shorter_period() {
        FundedItems items = context.getBean(FundedItems.class);
        PreparingStatement statements = context.getBean(PreparingStatement.class); // at most 2 entries (above)
        tx.executeWrite(s -> items.add(new FundedItem(
                "statement-it",
                "Statement IT",
                "",
                FundedItem.Kind.PROJECT,
                Money.of(100_000, "JPY"),
                FundedItem.Status.OPEN)));
        for (String[] entry : new String[][] {
            {"2026-12-31T23:59:59Z", "5000"}, {"2027-01-02T08:00:00Z", "700"},
            {"2027-01-15T08:00:00Z", "300"}, {"2027-01-31T23:59:59Z", "40"}
        }) {
            tx.executeWrite(s -> journal.append(JournalEntry.pledge(
                    UUID.randomUUID(),
                    "d",
                    "statement-it",
                    Money.of(Long.parseLong(entry[1]), "JPY"),
                    Instant.parse(entry[0]))));
        }
        Instant from = Instant.parse("2027-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-02-01T00:00:00Z");

        assertEquals(
                3L, (long) tx.executeRead(s -> journal.count(new LedgerFilter("statement-it", null, from, to, 1))));
        ProblemException refused =
                assertThrows(ProblemException.class, () -> statements.statement("statement-it", from, to));
        assertEquals(422, refused.status().getCode());
        assertTrue(refused.getMessage().startsWith("statement-it has 3 entries"), refused.getMessage());

        PreparingStatement.Statement january =
                statements.statement("statement-it", from, Instant.parse("2027-01-31T00:00:00Z"));
        assertEquals(5_000, january.opening().pledged());
        assertEquals(2, january.lines().size());
        assertEquals(6_000, january.closing().pledged());
        assertEquals(january.closing(), january.lines().getLast().after());
    }

    @Test
    void the_database_refuses_an_unbalanced_entry() {
        UUID entry = UUID.randomUUID();
        assertThrows(
                RuntimeException.class,
                () -> tx.executeWrite(s -> {
                    sql("insert into journal_entry (id, source_event_id, kind, fund_code, description, occurred_at)"
                            + " values ('" + entry + "', '" + UUID.randomUUID()
                            + "', 'DONATION_PLEDGED', 'packaging', 'x', now())");
                    sql("insert into journal_line values ('" + entry
                            + "', 1, 'pledges-receivable', 'packaging', 100, 0, 'USD')");
                    sql("insert into journal_line values ('" + entry
                            + "', 2, 'fund-balance', 'packaging', 0, 99, 'USD')");
                    return null;
                }));
        assertEquals(0L, count("select count(*) from journal_entry where id = '" + entry + "'"));
    }

    @Test
    void the_database_refuses_to_edit_or_delete_the_journal() {
        UUID source = UUID.randomUUID();
        tx.executeWrite(s ->
                journal.append(JournalEntry.pledge(source, "d-2", "packaging", Money.of(10, "USD"), Instant.now())));

        assertThrows(
                RuntimeException.class,
                () -> tx.executeWrite(s -> {
                    sql("update journal_line set debit_minor = 1 where entry_id in"
                            + " (select id from journal_entry where source_event_id = '" + source + "')");
                    return null;
                }));
        assertThrows(
                RuntimeException.class,
                () -> tx.executeWrite(s -> {
                    sql("delete from journal_entry where source_event_id = '" + source + "'");
                    return null;
                }));
    }

    private static void sql(String statement) {
        jdbc.prepareStatement(statement, java.sql.PreparedStatement::executeUpdate);
    }

    private static long count(String query) {
        return tx.executeRead(s -> jdbc.prepareStatement(query, statement -> {
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
