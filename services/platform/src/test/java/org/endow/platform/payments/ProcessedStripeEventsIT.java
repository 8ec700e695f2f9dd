package org.endow.platform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.endow.devstack.TestInfra;
import org.endow.platform.messaging.MessagingScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The processed-Stripe-event store against a real PostgreSQL: one event id is applied once. */
class ProcessedStripeEventsIT {

    static ApplicationContext context;
    static ProcessedStripeEvents events;
    static TransactionOperations<Connection> transactions;
    static JdbcOperations jdbc;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Map<String, Object> properties =
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("endow.messaging.consumer-enabled", false);
        properties.put("test.recording-handler", false);
        context = ApplicationContext.run(properties);
        events = context.getBean(ProcessedStripeEvents.class);
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
    void five_concurrent_deliveries_of_one_event_are_a_first_delivery_exactly_once() throws Exception {
        String eventId = "evt_" + UUID.randomUUID();
        String body = "{\"id\":\"" + eventId + "\"}";
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> deliveries = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int i = 0; i < 5; i++) {
                deliveries.add(pool.submit(() -> {
                    start.await();
                    return transactions.executeWrite(
                            status -> events.firstDelivery(eventId, "checkout.session.completed", body));
                }));
            }
            start.countDown();
            int first = 0;
            for (Future<Boolean> delivery : deliveries) {
                if (delivery.get(30, TimeUnit.SECONDS)) {
                    first++;
                }
            }
            assertEquals(1, first);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rowsFor(eventId));
        assertEquals(body, payloadOf(eventId));
    }

    @Test
    void a_delivery_whose_transaction_rolls_back_leaves_the_event_unprocessed() {
        String eventId = "evt_" + UUID.randomUUID();
        try {
            transactions.executeWrite(status -> {
                events.firstDelivery(eventId, "charge.refunded", "{}");
                throw new IllegalStateException("applying the event failed");
            });
        } catch (IllegalStateException expected) {
            // the retry from Stripe must find the event unprocessed
        }

        assertEquals(0, rowsFor(eventId));
        assertEquals(
                Boolean.TRUE,
                transactions.executeWrite(status -> events.firstDelivery(eventId, "charge.refunded", "{}")));
    }

    @Test
    void an_event_reads_as_applied_once_its_first_delivery_committed() {
        String eventId = "evt_" + UUID.randomUUID();
        assertFalse(events.applied(eventId));
        try {
            transactions.executeWrite(status -> {
                events.firstDelivery(eventId, "invoice.paid", "{}");
                throw new IllegalStateException("applying the event failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back: not applied
        }
        assertFalse(events.applied(eventId));

        transactions.executeWrite(status -> events.firstDelivery(eventId, "invoice.paid", "{}"));

        assertTrue(events.applied(eventId));
        assertFalse(events.applied("evt_" + UUID.randomUUID()));
    }

    private static String payloadOf(String eventId) {
        return transactions.executeRead(status ->
                jdbc.prepareStatement("select payload from stripe_event where event_id = ?", statement -> {
                    statement.setString(1, eventId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }));
    }

    private static long rowsFor(String eventId) {
        return transactions.executeRead(status ->
                jdbc.prepareStatement("select count(*) from stripe_event where event_id = ?", statement -> {
                    statement.setString(1, eventId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }
}
