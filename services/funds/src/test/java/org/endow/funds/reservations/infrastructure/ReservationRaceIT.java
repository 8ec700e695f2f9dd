package org.endow.funds.reservations.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.events.EventEnvelope;
import org.endow.events.grants.v1.GrantApprovalRequested;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.reservations.application.ReservingFunds;
import org.endow.kernel.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two grants racing for the last funds of an item, on a real PostgreSQL: exactly one gets them. */
class ReservationRaceIT {

    static ApplicationContext context;
    static TransactionOperations<Connection> tx;
    static JdbcOperations jdbc;
    static ReservingFunds reserving;
    static Journal journal;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Database db = TestInfra.get().freshDatabase("funds_race");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", db.jdbcUrl(),
                "datasources.default.username", db.username(),
                "datasources.default.password", db.password(),
                "kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers(),
                "endow.messaging.service", "funds-race-it-" + UUID.randomUUID(),
                "endow.messaging.consumer-enabled", false,
                "endow.messaging.relay-enabled", false,
                "micronaut.server.port", -1,
                "endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem()));
        tx = context.getBean(TransactionOperations.class);
        jdbc = context.getBean(JdbcOperations.class);
        reserving = context.getBean(ReservingFunds.class);
        journal = context.getBean(Journal.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void two_grants_racing_for_the_last_funds_of_an_item_exactly_one_is_reserved() throws Exception {
        for (String fund : List.of("packaging", "cpython-dir", "security-dir", "core-sprint-2027", "general")) {
            tx.executeWrite(s -> {
                UUID pledge = UUID.randomUUID();
                journal.append(JournalEntry.pledge(pledge, "d", fund, Money.of(1_000_00, "USD"), Instant.now()));
                journal.append(
                        JournalEntry.receipt(UUID.randomUUID(), "d", fund, Money.of(1_000_00, "USD"), Instant.now()));
                return null;
            });
            String first = "grant-" + UUID.randomUUID();
            String second = "grant-" + UUID.randomUUID();
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> racers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (String grant : List.of(first, second)) {
                    racers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return tx.executeWrite(s -> {
                            reserving.handle(request(grant, fund, 700_00));
                            return null;
                        });
                    }));
                }
                for (Future<?> racer : racers) {
                    racer.get(30, TimeUnit.SECONDS);
                }
            }

            assertEquals(
                    1,
                    count("select count(*) from reservation where grant_id in ('" + first + "', '" + second + "')"),
                    fund);
            assertEquals(
                    70_000,
                    count("select coalesce(sum(amount_minor), 0) from reservation where fund_code = '" + fund + "'"),
                    fund);
            assertEquals(1, count(outboxCount("funds.FundsReserved", first, second)), fund);
            assertEquals(1, count(outboxCount("funds.FundsUnavailable", first, second)), fund);
        }
    }

    private static String outboxCount(String type, String first, String second) {
        return "select count(*) from outbox_message where event_type = '" + type + "' and message_key in ('" + first
                + "', '" + second + "')";
    }

    private static EventEnvelope<GrantApprovalRequested> request(String grant, String fund, long amount) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                "grants.GrantApprovalRequested",
                1,
                Instant.now(),
                grant,
                null,
                new GrantApprovalRequested(grant, fund, amount, "USD", Instant.now()));
    }

    private static long count(String query) {
        return tx.executeRead(s -> jdbc.prepareStatement(query, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
