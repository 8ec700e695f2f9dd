package org.endow.funds.ledger.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationDisputed;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.funds.ledger.application.RecordingReturnedGift;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.GiftReturns;
import org.endow.funds.ledger.model.Journal;
import org.endow.kernel.Money;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What went back of each converted gift on a real PostgreSQL: the parts journalled before V11 are counted in from
 * the entries' descriptions, and further parts add to them.
 */
class GiftReturnsIT {

    static final String EUR_GIFT = "6f1c2a4e-8b3d-4f7a-9e2c-1d5b7a9c3e21";
    static final String JPY_GIFT = "0b7d3c1e-2f4a-4c6b-8d9e-1a2b3c4d5e6f";

    static ApplicationContext context;
    static GiftReturns returns;
    static TransactionOperations<Connection> tx;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() throws Exception {
        Database db = TestInfra.get().freshDatabase("funds_gift_returns");
        // the schema as it was before V11, with a converted gift refunded in part and charged back, a JPY gift
        // refunded, and a USD gift refunded (not converted: not counted)
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/platform", "classpath:db/migration")
                .outOfOrder(true)
                .target("10")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            returned(s, "DONATION_REFUNDED", "Refunded " + EUR_GIFT + " (EUR 33.33 at 1.0842 USD)", 3_614);
            returned(s, "DONATION_CHARGED_BACK", "Dispute lost, " + EUR_GIFT + " (EUR 33.33 at 1.0842 USD)", 3_613);
            returned(s, "DONATION_REFUNDED", "Refunded " + JPY_GIFT + " (JPY 5000 at 0.0067 USD)", 3_350);
            returned(s, "DONATION_REFUNDED", "Refunded d-usd", 5_000);
            s.executeUpdate("insert into exchange_rate (currency, ledger_currency, rate, effective_from, recorded_by,"
                    + " recorded_at) values ('EUR', 'USD', 1.0842, '2027-01-01T00:00:00Z', 'staff-1', now())");
            c.commit();
        }
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", db.jdbcUrl(),
                "datasources.default.username", db.username(),
                "datasources.default.password", db.password(),
                "kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers(),
                "endow.messaging.service", "funds-gift-returns-it-" + UUID.randomUUID(),
                "endow.messaging.consumer-enabled", false,
                "micronaut.server.port", -1,
                "endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem()));
        returns = context.getBean(GiftReturns.class);
        tx = context.getBean(TransactionOperations.class);
    }

    private static void returned(Statement s, String kind, String description, long cents) throws Exception {
        UUID id = UUID.randomUUID();
        s.executeUpdate("insert into journal_entry (id, source_event_id, kind, fund_code, description, occurred_at)"
                + " values ('" + id + "', '" + UUID.randomUUID() + "', '" + kind + "', 'packaging', '" + description
                + "', now())");
        s.executeUpdate("insert into journal_line (entry_id, line_no, account, fund_code, debit_minor, credit_minor,"
                + " currency) values ('" + id + "', 1, 'fund-balance', 'packaging', " + cents + ", 0, 'USD'), ('"
                + id + "', 2, 'cash', 'packaging', 0, " + cents + ", 'USD')");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void parts_journalled_before_are_counted_in_and_further_parts_add_to_them() {
        assertEquals(
                new GiftReturns.Returned(Money.of(6_666, "EUR"), Money.of(7_227, "USD")),
                tx.executeRead(s -> returns.of(EUR_GIFT, "EUR", "USD")));
        assertEquals(
                new GiftReturns.Returned(Money.of(5_000, "JPY"), Money.of(3_350, "USD")),
                tx.executeRead(s -> returns.of(JPY_GIFT, "JPY", "USD")));
        assertEquals(
                new GiftReturns.Returned(Money.zero("USD"), Money.zero("USD")),
                tx.executeRead(s -> returns.of("d-usd", "USD", "USD")));

        // the bank takes back the last EUR 33.39 of the EUR 100.05 gift (USD 108.47 in): conv(100.05) = 108.47 less
        // the 72.27 out = 36.20, through the handler as the inbox calls it
        EventType<DonationDisputed> type = DonationEvents.DONATION_DISPUTED;
        Instant at = Instant.parse("2027-01-15T10:00:00Z");
        tx.executeWrite(s -> {
            context.getBean(RecordingReturnedGift.Disputes.class)
                    .handle(new EventEnvelope<>(
                            UUID.randomUUID(),
                            type.qualifiedName(),
                            type.version(),
                            at,
                            EUR_GIFT,
                            null,
                            new DonationDisputed(EUR_GIFT, "LOST", 3_339, "EUR", "packaging", "dp_1", at)));
            return null;
        });
        tx.executeWrite(s -> {
            returns.add("d-new", Money.of(100, "GBP"), Money.of(127, "USD"));
            return null;
        });

        assertEquals(
                new GiftReturns.Returned(Money.of(10_005, "EUR"), Money.of(10_847, "USD")),
                tx.executeRead(s -> returns.of(EUR_GIFT, "EUR", "USD")));
        assertEquals(
                -(3_614L + 3_613L + 3_350L + 5_000L + 3_620L),
                tx.executeRead(s -> context.getBean(Journal.class).balances("packaging", "USD"))
                        .get(Account.FUND_BALANCE),
                "the rows written before took out 156.77 (no pledges in this test), the lost dispute 36.20");
        assertEquals(
                new GiftReturns.Returned(Money.of(100, "GBP"), Money.of(127, "USD")),
                tx.executeRead(s -> returns.of("d-new", "GBP", "USD")));
        assertEquals(
                new GiftReturns.Returned(Money.zero("EUR"), Money.zero("USD")),
                tx.executeRead(s -> returns.of("d-new", "EUR", "USD")));
    }
}
