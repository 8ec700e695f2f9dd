package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.endow.devstack.TestInfra;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * An {@link Error} in a handler: one the consumer can go on after is a failed attempt like an exception; one it cannot
 * (memory ran out) stops the consumer, and the {@code messaging} health says DOWN with the reason instead of UP.
 */
class MessagingThreadsIT {

    static ApplicationContext context;
    static Outbox outbox;
    static TransactionOperations<Connection> transactions;
    static JdbcOperations jdbc;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Map<String, Object> properties =
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("test.recording-handler", false);
        properties.put("test.erring-handler", true);
        context = ApplicationContext.run(properties);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionOperations.class);
        jdbc = context.getBean(JdbcOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void an_error_in_a_handler_is_a_failed_attempt_and_one_that_stops_the_consumer_makes_messaging_down() {
        MessagingHealthIndicator health = context.getBean(MessagingHealthIndicator.class);
        context.getBean(MessagingStartup.class).awaitReady();
        assertEquals(HealthStatus.UP, result(health).getStatus());

        String key = id();
        String overflow = key + "-overflow";
        String initFailure = key + "-init-failure";
        String behind = key + "-behind";
        transactions.executeWrite(status -> {
            outbox.append(DonationEvents.DONATION_PLEDGED, key, pledge(overflow, ErringHandler.OVERFLOW_FUND));
            outbox.append(DonationEvents.DONATION_PLEDGED, key, pledge(initFailure, ErringHandler.INIT_FAILURE_FUND));
            outbox.append(DonationEvents.DONATION_PLEDGED, key, pledge(behind, "packaging"));
            return null;
        });

        // each tried as often as a failing handler is (3 here), rolled back each time, then dead-lettered
        String letters = "select count(*) from dead_letter where consumer = 'platform-test.erring' and attempts = 3"
                + " and payload like '%" + key + "-%' and ";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> effects(behind) == 1
                        && count(letters + "error like 'StackOverflowError%'") == 1
                        && count(letters + "error like 'ExceptionInInitializerError: test: a class the handler%'")
                                == 1);
        assertEquals(0, effects(overflow));
        assertEquals(0, effects(initFailure));
        assertEquals(HealthStatus.UP, result(health).getStatus());

        String fatal = id();
        transactions.executeWrite(status ->
                outbox.append(DonationEvents.DONATION_PLEDGED, fatal, pledge(fatal, ErringHandler.FATAL_FUND)));

        // the error ends the consumer thread as an uncaught exception: expected here
        await().dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(30))
                .until(() -> result(health).getStatus() == HealthStatus.DOWN);
        Object details = result(health).getDetails();
        assertTrue(
                String.valueOf(details).contains("OutOfMemoryError: test: the handler ran out of memory"),
                String.valueOf(details));
        assertEquals(0, effects(fatal));
    }

    private static String id() {
        return MessagingScenarios.id();
    }

    private static DonationPledged pledge(String id, String fund) {
        return MessagingScenarios.pledge(id, fund);
    }

    private static long effects(String donationId) {
        return count("select count(*) from test_effect where donation_id = '" + donationId + "'");
    }

    private static long count(String sql) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private static HealthResult result(MessagingHealthIndicator health) {
        return Mono.from(health.getResult()).block();
    }
}
