package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.endow.devstack.TestInfra;
import org.endow.events.donations.v1.DonationEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The relay against a real PostgreSQL and a producer double: what it offers the producer, in which order, when a send
 * fails the way {@code KafkaProducer.send} fails on a metadata timeout (an already-failed future, no exception).
 */
class OutboxRelayIT {

    static ApplicationContext context;
    static Outbox outbox;
    static TransactionOperations<Connection> transactions;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Map<String, Object> properties =
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers());
        // the context's own relay and inbox stay off: the relay under test is the only publisher of this database
        properties.put("endow.messaging.relay-enabled", false);
        properties.put("endow.messaging.consumer-enabled", false);
        properties.put("test.recording-handler", false);
        properties.put("endow.messaging.relay-error-backoff", "20ms");
        properties.put("endow.messaging.relay-max-backoff", "100ms");
        context = ApplicationContext.run(properties);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void after_a_send_fails_at_once_no_later_row_of_the_round_is_sent_before_it() {
        String donation = UUID.randomUUID().toString();
        List<String> events = List.of("first-" + donation, "second-" + donation, "third-" + donation);
        transactions.executeWrite(status -> {
            // one key: the consumer must see them in this order
            events.forEach(id -> outbox.append(
                    DonationEvents.DONATION_PLEDGED, donation, MessagingScenarios.pledge(id, "packaging")));
            return null;
        });
        FailingOnceProducers producers = new FailingOnceProducers();

        try (OutboxRelay relay = new OutboxRelay(
                context.getBean(OutboxMessages.class),
                transactions,
                producers,
                context.getBean(MessagingProperties.class))) {
            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 0);
        }

        // the broker took every row, each once, in row order: nothing sent after the refused first row overtook it
        assertEquals(events, producers.delivered(donation));
        assertEquals(1, producers.refused.get());
    }

    @Test
    void a_relay_stopped_by_an_error_makes_messaging_down_with_the_reason() {
        String donation = UUID.randomUUID().toString();
        transactions.executeWrite(status -> outbox.append(
                DonationEvents.DONATION_PLEDGED, donation, MessagingScenarios.pledge(donation, "packaging")));
        KafkaClients broken = new KafkaClients("unused:9092", context.getBean(MessagingProperties.class)) {
            @Override
            public Producer<String, byte[]> producer(String purpose) {
                throw new ExceptionInInitializerError("test: the producer's class could not initialise");
            }
        };
        MessagingStartup startup = context.getBean(MessagingStartup.class);
        startup.awaitReady();

        try (OutboxRelay relay = new OutboxRelay(
                context.getBean(OutboxMessages.class),
                transactions,
                broken,
                context.getBean(MessagingProperties.class))) {
            MessagingHealthIndicator health =
                    new MessagingHealthIndicator(startup, relay, context.getBean(InboxConsumer.class));
            assertEquals(HealthStatus.UP, result(health).getStatus());

            relay.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> result(health).getStatus() == HealthStatus.DOWN);
            assertEquals(
                    Map.of(
                            "relay",
                            "stopped: ExceptionInInitializerError: test: the producer's class could not initialise"),
                    result(health).getDetails());
        } finally {
            transactions.executeWrite(status -> context.getBean(JdbcOperations.class)
                    .prepareStatement("delete from outbox_message where message_key = ?", statement -> {
                        statement.setString(1, donation);
                        return statement.executeUpdate();
                    }));
        }
    }

    private static HealthResult result(MessagingHealthIndicator health) {
        return Mono.from(health.getResult()).block();
    }

    /** Producers whose very first send fails as a metadata timeout does: a failed future, nothing thrown. */
    static final class FailingOnceProducers extends KafkaClients {

        final AtomicInteger refused = new AtomicInteger();
        private final List<ProducerRecord<String, byte[]>> delivered = new ArrayList<>();

        FailingOnceProducers() {
            super("unused:9092", context.getBean(MessagingProperties.class));
        }

        @Override
        public Producer<String, byte[]> producer(String purpose) {
            return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                @Override
                public synchronized Future<RecordMetadata> send(
                        ProducerRecord<String, byte[]> record, Callback callback) {
                    if (refused.compareAndSet(0, 1)) {
                        TimeoutException timeout =
                                new TimeoutException("Topic donations.v1 not present in metadata after 5000 ms.");
                        if (callback != null) {
                            callback.onCompletion(null, timeout);
                        }
                        return java.util.concurrent.CompletableFuture.failedFuture(timeout);
                    }
                    Future<RecordMetadata> sent = super.send(record, callback);
                    synchronized (delivered) {
                        delivered.add(record);
                    }
                    return sent;
                }
            };
        }

        /** The donation ids of the pledges delivered with this key, in the order the producers took them. */
        List<String> delivered(String key) {
            synchronized (delivered) {
                return delivered.stream()
                        .filter(record -> key.equals(record.key()))
                        .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                        .map(envelope -> envelope.replaceAll(".*\"donationId\":\\s*\"([^\"]+)\".*", "$1"))
                        .toList();
            }
        }
    }
}
