package org.endow.funds.ledger.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.endow.devstack.Database;
import org.endow.devstack.JwtKeys;
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

/**
 * The journal on a real PostgreSQL: the schema itself refuses unbalanced and edited entries; the staff's CSV of a
 * period through HTTP.
 */
class JdbcJournalIT {

    static ApplicationContext context;
    static Journal journal;
    static TransactionOperations<Connection> tx;
    static JdbcOperations jdbc;
    static EmbeddedServer server;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Database db = TestInfra.get().freshDatabase("funds_journal");
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.username());
        properties.put("datasources.default.password", db.password());
        properties.put("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers());
        properties.put("endow.messaging.service", "funds-journal-it-" + UUID.randomUUID());
        properties.put("endow.messaging.consumer-enabled", false);
        properties.put("micronaut.server.port", -1);
        properties.put("endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem());
        properties.put("endow.funds.statement-max-lines", 2);
        properties.put("endow.funds.ledger-export-max-days", 31);
        properties.put("endow.funds.ledger-export-max-entries", 3);
        context = ApplicationContext.run(properties);
        journal = context.getBean(Journal.class);
        tx = context.getBean(TransactionOperations.class);
        jdbc = context.getBean(JdbcOperations.class);
    }

    /**
     * Debits equal credits in every currency the ledger holds, and USD (what these tests just booked) is among them:
     * an empty trial balance is not a balanced one.
     */
    static void assertTrialBalanceIsZeroWithUsd() {
        Map<String, Long> trial = tx.executeRead(s -> journal.trialBalance());
        assertEquals(0L, trial.get("USD"), trial.toString());
        Map<String, Long> zeros = new java.util.TreeMap<>();
        trial.keySet().forEach(currency -> zeros.put(currency, 0L));
        assertEquals(zeros, new java.util.TreeMap<>(trial));
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
        assertTrialBalanceIsZeroWithUsd();
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
        assertTrialBalanceIsZeroWithUsd();
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
    void staff_download_the_journal_of_a_period_as_csv_one_row_per_line_debits_equal_to_credits() throws Exception {
        // March 2025 (UTC days) is this test's own: no other test of this class books in 2025
        tx.executeWrite(s -> journal.append(JournalEntry.pledge(
                UUID.randomUUID(),
                "d-before",
                "packaging",
                Money.of(111, "USD"),
                Instant.parse("2025-02-28T23:59:59Z"))));
        JournalEntry pledge = JournalEntry.pledge(
                UUID.randomUUID(), "d-10", "packaging", Money.of(2_500, "USD"), Instant.parse("2025-03-01T00:00:00Z"));
        UUID transferId = UUID.randomUUID();
        JournalEntry transfer = JournalEntry.transfer(
                transferId,
                "general",
                "packaging",
                Money.of(1_000, "USD"),
                "for the sprint, as agreed",
                Instant.parse("2025-03-10T12:00:00Z"));
        JournalEntry formula = new JournalEntry(
                UUID.randomUUID(),
                UUID.randomUUID(),
                JournalEntry.EntryKind.IN_KIND,
                "packaging",
                "=HYPERLINK(\"http://x\"), venue",
                Instant.parse("2025-03-31T23:59:59Z"),
                List.of(
                        org.endow.funds.ledger.model.Posting.debit(Account.IN_KIND, "packaging", Money.of(300, "USD")),
                        org.endow.funds.ledger.model.Posting.credit(
                                Account.FUND_BALANCE, "packaging", Money.of(300, "USD"))));
        for (JournalEntry entry : List.of(formula, pledge, transfer)) { // appended out of order
            tx.executeWrite(s -> journal.append(entry));
        }
        tx.executeWrite(s -> journal.append(JournalEntry.pledge(
                UUID.randomUUID(),
                "d-after",
                "packaging",
                Money.of(222, "USD"),
                Instant.parse("2025-04-01T00:00:00Z"))));
        String staff = JwtKeys.gatewayToken(
                TestInfra.get().jwtKeys(), "staff-1", "Staff One", "staff@psf.test", List.of("STAFF"));

        HttpResponse<String> march = get("/api/funds/ledger.csv?from=2025-03-01&to=2025-03-31", staff);

        assertEquals(200, march.statusCode(), march.body());
        assertTrue(march.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals(
                "attachment; filename=\"ledger-2025-03-01-2025-03-31.csv\"",
                march.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(march.body().endsWith("\r\n"), march.body());
        List<String> rows = List.of(march.body().split("\r\n"));
        assertEquals(
                "entry_id,occurred_at,kind,entry_fund,description,line_no,account,fund,debit_minor,credit_minor,"
                        + "currency,source_event_id",
                rows.getFirst());
        assertEquals(
                List.of(
                        pledge.id() + ",2025-03-01T00:00:00Z,DONATION_PLEDGED,packaging,Pledge d-10,1,"
                                + "pledges-receivable,packaging,2500,0,USD," + pledge.sourceEventId(),
                        pledge.id() + ",2025-03-01T00:00:00Z,DONATION_PLEDGED,packaging,Pledge d-10,2,"
                                + "fund-balance,packaging,0,2500,USD," + pledge.sourceEventId(),
                        transferId + ",2025-03-10T12:00:00Z,TRANSFER,packaging,"
                                + "\"Transfer from general: for the sprint, as agreed\",1,cash,packaging,1000,0,USD,"
                                + transferId,
                        transferId + ",2025-03-10T12:00:00Z,TRANSFER,packaging,"
                                + "\"Transfer from general: for the sprint, as agreed\",2,cash,general,0,1000,USD,"
                                + transferId,
                        transferId + ",2025-03-10T12:00:00Z,TRANSFER,packaging,"
                                + "\"Transfer from general: for the sprint, as agreed\",3,fund-balance,general,1000,0,"
                                + "USD," + transferId,
                        transferId + ",2025-03-10T12:00:00Z,TRANSFER,packaging,"
                                + "\"Transfer from general: for the sprint, as agreed\",4,fund-balance,packaging,0,"
                                + "1000,USD," + transferId,
                        formula.id() + ",2025-03-31T23:59:59Z,IN_KIND,packaging,"
                                + "\"'=HYPERLINK(\"\"http://x\"\"), venue\",1,in-kind,packaging,300,0,USD,"
                                + formula.sourceEventId(),
                        formula.id() + ",2025-03-31T23:59:59Z,IN_KIND,packaging,"
                                + "\"'=HYPERLINK(\"\"http://x\"\"), venue\",2,fund-balance,packaging,0,300,USD,"
                                + formula.sourceEventId()),
                rows.subList(1, rows.size()));
        long debits = 0;
        long credits = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            int n = cells.length; // the quoted descriptions hold commas: count from the end
            debits += Long.parseLong(cells[n - 4]);
            credits += Long.parseLong(cells[n - 3]);
        }
        assertEquals(4_800, debits);
        assertEquals(debits, credits, "the file's debits equal its credits");

        HttpResponse<String> transfers =
                get("/api/funds/ledger.csv?from=2025-03-01&to=2025-03-31&kind=TRANSFER&fund=general", staff);
        assertEquals(200, transfers.statusCode(), transfers.body());
        assertEquals(5, transfers.body().split("\r\n").length, transfers.body());

        HttpResponse<String> missing = get("/api/funds/ledger.csv?to=2025-03-x&kind=NOPE", staff);
        assertEquals(422, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("\"field\":\"from\""), missing.body());
        assertTrue(missing.body().contains("\"field\":\"to\""), missing.body());
        assertTrue(missing.body().contains("\"field\":\"kind\""), missing.body());
        HttpResponse<String> reversed = get("/api/funds/ledger.csv?from=2025-03-31&to=2025-03-01", staff);
        assertEquals(422, reversed.statusCode(), reversed.body());
        assertTrue(reversed.body().contains("\"field\":\"to\""), reversed.body());
        HttpResponse<String> tooLong = get("/api/funds/ledger.csv?from=2025-03-01&to=2025-04-01", staff); // 32 days
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("at most 31 days"), tooLong.body());
        tx.executeWrite(s -> journal.append(JournalEntry.pledge(
                UUID.randomUUID(), "d-11", "packaging", Money.of(5, "USD"), Instant.parse("2025-03-20T00:00:00Z"))));
        HttpResponse<String> tooMany = get("/api/funds/ledger.csv?from=2025-03-01&to=2025-03-31", staff); // 3 + 1
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("at most 3 entries"), tooMany.body());

        String donor = JwtKeys.gatewayToken(
                TestInfra.get().jwtKeys(), "donor-1", "Donor One", "donor@example.org", List.of("DONOR"));
        assertEquals(
                403,
                get("/api/funds/ledger.csv?from=2025-03-01&to=2025-03-31", donor)
                        .statusCode());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        if (server == null) {
            server = context.getBean(EmbeddedServer.class);
            server.start();
        }
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.getURI().resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
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
