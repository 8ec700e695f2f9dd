package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.events.Topics;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.platform.operations.DeadLetters;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox and the inbox against a real PostgreSQL and a real Kafka broker: the scenarios, run by {@link
 * MessagingIT} (one event per transaction) and {@link BatchedMessagingIT} (batches), each of which starts its own
 * context. Only the subclass starts one: a {@code @BeforeAll} here would run for both, and a second context left
 * running beside the subclass's would consume the same events.
 */
public abstract class MessagingScenarios {

    /**
     * The fund of the many events of the flood scenarios. The broker is the test run's, and each service started
     * later by the system tests reads the topic from its start: no service has this fund (nor these donation ids,
     * which are not UUIDs), so each dead-letters those events at once and none reaches a ledger.
     */
    static final String NO_SERVICE_FUND = "platform-test-only";

    static ApplicationContext context;
    static Outbox outbox;
    static TransactionOperations<Connection> transactions;
    static JdbcOperations jdbc;

    /** Starts the context of the scenarios, with a second consumer of the pledges beside the recorder. */
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void startWith(Map<String, Object> properties) {
        properties.put("test.bystander-handler", true);
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

    public static Map<String, Object> properties(String bootstrapServers) {
        Database db = TestInfra.get().freshDatabase("platform");
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("datasources.default.dialect", "POSTGRES");
        p.put("flyway.datasources.default.enabled", true);
        p.put("flyway.datasources.default.locations", List.of("classpath:db/platform", "classpath:db/platform-test"));
        p.put("kafka.bootstrap.servers", bootstrapServers);
        p.put("kafka.health.enabled", false);
        // a fresh consumer group per run: the topic may hold other tests' events, ignored by id
        p.put("endow.messaging.service", "platform-test-" + UUID.randomUUID());
        p.put("endow.messaging.handler-attempts", 3);
        p.put("endow.messaging.handler-backoff", "20ms");
        p.put("micronaut.server.port", -1);
        p.put("test.recording-handler", true);
        p.put("micronaut.security.enabled", false);
        return p;
    }

    @Test
    void events_written_in_a_transaction_reach_the_handler_exactly_once() {
        List<String> ids = List.of(id(), id(), id(), id(), id());
        transactions.executeWrite(status -> {
            ids.forEach(id -> outbox.append(DonationEvents.DONATION_PLEDGED, id, pledge(id, "packaging")));
            return null;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> effects(id) == 1));
        // the relay marks its rows sent once the broker acknowledged them, which can be just after the consumer
        // applied them: the backlog empties, it need not be empty at the very moment the effects appear
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertEquals(0, context.getBean(OutboxRelay.class).backlog()));
    }

    @Test
    void an_event_whose_transaction_rolls_back_never_leaves() {
        String rolledBack = id();
        String committed = id();
        assertThrows(
                IllegalStateException.class,
                () -> transactions.executeWrite(status -> {
                    outbox.append(DonationEvents.DONATION_PLEDGED, rolledBack, pledge(rolledBack, "packaging"));
                    throw new IllegalStateException("the business change failed");
                }));
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, committed, pledge(committed, "packaging")));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(committed) == 1);
        assertEquals(0, effects(rolledBack));
    }

    @Test
    void appending_outside_a_transaction_is_refused() {
        String id = id();
        assertThrows(
                IllegalTransactionStateException.class,
                () -> outbox.append(DonationEvents.DONATION_PLEDGED, id, pledge(id, "packaging")));
    }

    @Test
    void a_redelivered_event_has_no_second_effect() throws Exception {
        String id = id();
        UUID eventId = UUID.randomUUID();
        String envelope = """
                {"eventId":"%s","type":"donations.DonationPledged","version":1,"occurredAt":"2026-11-20T14:05:00Z",
                 "aggregateId":"%s","correlationId":"c-1","payload":{"donationId":"%s","donorId":"ada",
                 "amountMinor":500,"currency":"USD","fundCode":"packaging","method":"CHEQUE",
                 "pledgedAt":"2026-11-20T14:05:00Z"}}""".formatted(eventId, id, id);
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(Topics.DONATIONS_V1, id, envelope.getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
        String marker = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, marker, pledge(marker, "packaging")));

        // the marker was sent after the three copies, on its own key; wait for the copies' partition too
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1 && effects(id) >= 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> effects(id) == 1);
        // one row for each of the two consumers of the pledges
        assertEquals(
                1,
                count("select count(*) from inbox_message where event_id = '" + eventId + "'"
                        + " and consumer = 'platform-test.recorder'"));
        assertEquals(2, count("select count(*) from inbox_message where event_id = '" + eventId + "'"));
    }

    @Test
    void a_handler_that_keeps_failing_dead_letters_the_event_and_the_partition_moves_on() {
        String poisoned = id();
        transactions.executeWrite(status -> {
            outbox.append(DonationEvents.DONATION_PLEDGED, poisoned, pledge(poisoned, RecordingHandler.FAILING_FUND));
            return null;
        });
        String next = poisoned; // same key, same partition: must not be blocked by the poisoned event
        String after = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, after, pledge(after, "packaging")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from dead_letter where consumer = 'platform-test.recorder'"
                                + " and payload like '%" + next + "%'")
                        == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after) == 1);
        assertEquals(0, effects(poisoned));
    }

    @Test
    void an_event_the_handler_can_never_apply_is_dead_lettered_at_once_without_retries() {
        String unprocessable = id();
        transactions.executeWrite(status -> outbox.append(
                DonationEvents.DONATION_PLEDGED,
                unprocessable,
                pledge(unprocessable, RecordingHandler.UNPROCESSABLE_FUND)));
        String after = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, after, pledge(after, "packaging")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from dead_letter where consumer = 'platform-test.recorder'"
                                + " and payload like '%" + unprocessable + "%'")
                        == 1);
        // one attempt (the handler-attempts setting is 3), and the handler's own words as the error
        assertEquals(
                1,
                count("select count(*) from dead_letter where payload like '%" + unprocessable + "%'"
                        + " and attempts = 1 and error like '%no fund never-applicable here%'"));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after) == 1);
        assertEquals(0, effects(unprocessable));
    }

    @Test
    void a_flood_of_events_the_handler_can_never_apply_is_dead_lettered_once_each_and_the_good_ones_among_them_apply() {
        String run = "flood-" + UUID.randomUUID();
        List<String> bad = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            (i % 10 == 9 ? good : bad).add(run + "-" + (i % 10 == 9 ? "good" : "bad") + "-" + i);
        }
        long start = System.nanoTime();
        transactions.executeWrite(status -> {
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 9; j++) {
                    String id = bad.get(i * 9 + j);
                    outbox.append(DonationEvents.DONATION_PLEDGED, id, pledge(id, RecordingHandler.UNPROCESSABLE_FUND));
                }
                outbox.append(DonationEvents.DONATION_PLEDGED, good.get(i), pledge(good.get(i), NO_SERVICE_FUND));
            }
            return null;
        });

        String letters = "select count(*) from dead_letter where consumer = 'platform-test.recorder'"
                + " and payload like '%" + run + "-bad-%'";
        await().atMost(Duration.ofSeconds(120))
                .until(() -> count(letters) >= bad.size()
                        && count("select count(*) from test_effect where donation_id like '" + run + "-good-%'")
                                >= good.size());
        System.out.printf(
                "%s: %d dead letters and %d applied events in %d ms%n",
                getClass().getSimpleName(), bad.size(), good.size(), (System.nanoTime() - start) / 1_000_000);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> count(letters) == bad.size());
        assertEquals(
                bad.size(),
                count("select count(distinct event_id) from dead_letter where payload like '%" + run + "-bad-%'"));
        good.forEach(id -> assertEquals(1, effects(id), id));
        bad.forEach(id -> assertEquals(0, effects(id), id));
        assertEquals(bad.size(), deadLetterCopies(run + "-bad-"), "copies on the dead-letter topic");
    }

    @Test
    void
            a_dead_letter_the_database_cannot_record_is_sent_again_until_it_is_recorded_once_and_events_behind_it_apply_once() {
        String marker = "refused-" + UUID.randomUUID();
        String refused = marker + "-bad";
        transactions.executeWrite(
                status -> jdbc.prepareStatement("insert into test_refused_letter (marker) values (?)", statement -> {
                    statement.setString(1, marker);
                    return statement.executeUpdate();
                }));
        List<String> behind = List.of(marker + "-good-1", marker + "-good-2");
        // one key, one partition: the partition is read again from the refused letter, the good events behind it with
        // it
        transactions.executeWrite(status -> {
            outbox.append(
                    DonationEvents.DONATION_PLEDGED, marker, pledge(refused, RecordingHandler.UNPROCESSABLE_FUND));
            behind.forEach(id -> outbox.append(DonationEvents.DONATION_PLEDGED, marker, pledge(id, NO_SERVICE_FUND)));
            return null;
        });

        try {
            // the letter reached the topic, its row could not be written: the partition is read again from it
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterCopies(refused) >= 2);
            assertEquals(0, count("select count(*) from dead_letter where payload like '%" + refused + "%'"));
        } finally {
            transactions.executeWrite(
                    status -> jdbc.prepareStatement("delete from test_refused_letter where marker = ?", statement -> {
                        statement.setString(1, marker);
                        return statement.executeUpdate();
                    }));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from dead_letter where payload like '%" + refused + "%'") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> behind.stream().allMatch(id -> effects(id) == 1));
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> count("select count(*) from dead_letter where payload like '%" + refused + "%'") == 1);
        behind.forEach(id -> assertEquals(1, effects(id), id));
    }

    @Test
    void a_record_with_nul_and_invalid_utf8_is_dead_lettered_once_with_its_bytes_and_replayed_as_they_were()
            throws Exception {
        String key = id();
        String marker = "binary-" + UUID.randomUUID();
        // framed like Confluent's Avro (magic byte 0, a schema id), then text, then bytes that are not UTF-8
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0x00, 0x00, 0x00, 0x00, 0x2a});
        bytes.write(marker.getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, 0x00});
        byte[] value = bytes.toByteArray();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.DONATIONS_V1, key, value)).get();
        }
        String behind = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, key, pledge(behind, "packaging")));

        String letters = "select count(*) from dead_letter where message_key = '" + key + "'";
        await().atMost(Duration.ofSeconds(30)).until(() -> count(letters) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(behind) == 1);
        // recorded once, so never read again: one copy on the dead-letter topic, one row
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> deadLetterCopies(marker) == 1 && count(letters) == 1);
        assertEquals(
                1,
                count(letters + " and payload_bytes = decode('" + HexFormat.of().formatHex(value)
                        + "', 'hex') and payload is null"));
        DeadLetters deadLetters = context.getBean(DeadLetters.class);
        DeadLetters.Letter letter = deadLetters.list(false, 500).stream()
                .filter(l -> key.equals(l.key()))
                .findFirst()
                .orElseThrow();
        assertArrayEquals(value, Base64.getDecoder().decode(letter.payloadBase64()));

        deadLetters.replay(letter.id(), "admin-1");

        // the same bytes went back to the topic: this consumer reads them again and dead-letters them again, as they
        // were
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from dead_letter where payload_bytes = decode('"
                                + HexFormat.of().formatHex(value) + "', 'hex')")
                        == 2);
    }

    @Test
    void a_dead_letter_the_database_refuses_for_good_is_sent_once_and_the_events_behind_it_apply_once() {
        String marker = "refused-for-good-" + UUID.randomUUID();
        String refused = marker + "-bad";
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "insert into test_refused_letter (marker, for_good) values (?, true)", statement -> {
                    statement.setString(1, marker);
                    return statement.executeUpdate();
                }));
        List<String> behind = List.of(marker + "-good-1", marker + "-good-2");
        transactions.executeWrite(status -> {
            outbox.append(
                    DonationEvents.DONATION_PLEDGED, marker, pledge(refused, RecordingHandler.UNPROCESSABLE_FUND));
            behind.forEach(id -> outbox.append(DonationEvents.DONATION_PLEDGED, marker, pledge(id, NO_SERVICE_FUND)));
            return null;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> behind.stream().allMatch(id -> effects(id) == 1));
        // the partition's offset is committed past the events behind the letter: it is not read again from the
        // letter (which would send it again, and again), so the letter is on the dead-letter topic once
        long partition = count("select min(kafka_partition) from inbox_message where event_id in"
                + " (select event_id from test_effect where donation_id like '" + marker + "-good-%')");
        long last = count("select max(kafka_offset) from inbox_message where event_id in"
                + " (select event_id from test_effect where donation_id like '" + marker + "-good-%')");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> committedOffset(new TopicPartition(Topics.DONATIONS_V1, (int) partition)) > last);
        assertEquals(1, deadLetterCopies(refused));
        assertEquals(0, count("select count(*) from dead_letter where payload like '%" + refused + "%'"));
        behind.forEach(id -> assertEquals(1, effects(id), id));
    }

    /** The offset this context's consumer group committed for the partition, -1 for none. */
    static long committedOffset(TopicPartition partition) throws Exception {
        try (Admin admin = context.getBean(KafkaClients.class).admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(
                            context.getBean(MessagingProperties.class).consumerGroup())
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    /** How many records of the donations topic's dead-letter topic, up to its end when asked, contain the text. */
    static long deadLetterCopies(String text) {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestInfra.get().kafkaBootstrapServers());
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> reader =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    reader.partitionsFor(Topics.deadLetterOf(Topics.DONATIONS_V1), Duration.ofSeconds(10)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(10));
            long copies = 0;
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && record.value() != null
                            && record.value().contains(text)) {
                        copies++;
                    }
                }
            }
            return copies;
        }
    }

    @Test
    void staff_replay_a_dead_letter_once_the_cause_is_fixed_and_it_applies_exactly_once() {
        String poisoned = id();
        transactions.executeWrite(status -> outbox.append(
                DonationEvents.DONATION_PLEDGED, poisoned, pledge(poisoned, RecordingHandler.FAILING_FUND)));
        DeadLetters deadLetters = context.getBean(DeadLetters.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.list(false, 500).stream().anyMatch(letter -> poisoned.equals(letter.key())));
        DeadLetters.Letter letter = deadLetters.list(false, 500).stream()
                .filter(l -> poisoned.equals(l.key()))
                .findFirst()
                .orElseThrow();

        RecordingHandler.CURED.add(poisoned);
        DeadLetters.Letter replayed = deadLetters.replay(letter.id(), "admin-1");

        assertEquals("admin-1", replayed.replayedBy());
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(poisoned) == 1);
        assertEquals(
                1L,
                count("select count(*) from audit_log where action = 'dead-letter.replayed' and target = 'dead-letter/"
                        + letter.id() + "'"));
        ProblemException twice = assertThrows(ProblemException.class, () -> deadLetters.replay(letter.id(), "admin-1"));
        assertEquals(409, twice.status().getCode());
        assertTrue(deadLetters.list(false, 500).stream().noneMatch(l -> l.id() == letter.id()));
    }

    @Test
    void a_replayed_dead_letter_is_applied_by_its_consumer_only_not_again_by_the_others_whose_inbox_forgot_it() {
        String poisoned = id();
        transactions.executeWrite(status -> outbox.append(
                DonationEvents.DONATION_PLEDGED, poisoned, pledge(poisoned, RecordingHandler.FAILING_FUND)));
        DeadLetters deadLetters = context.getBean(DeadLetters.class);
        // the recorder gives up on the pledge, the other consumer applies it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> bystanderEffects(poisoned) == 1
                        && deadLetters.list(false, 500).stream().anyMatch(letter -> poisoned.equals(letter.key())));
        DeadLetters.Letter letter = deadLetters.list(false, 500).stream()
                .filter(l -> poisoned.equals(l.key()))
                .findFirst()
                .orElseThrow();
        assertEquals("platform-test.recorder", letter.consumer());
        // weeks later: housekeeping has deleted the other consumer's inbox row of the event
        String bystanderInbox = "select count(*) from inbox_message where consumer = '" + BystanderHandler.CONSUMER
                + "' and event_id = '" + letter.eventId() + "'";
        assertEquals(1, count(bystanderInbox));
        transactions.executeWrite(status ->
                jdbc.prepareStatement("delete from inbox_message where consumer = ? and event_id = ?", statement -> {
                    statement.setString(1, BystanderHandler.CONSUMER);
                    statement.setObject(2, letter.eventId());
                    return statement.executeUpdate();
                }));

        RecordingHandler.CURED.add(poisoned);
        deadLetters.replay(letter.id(), "admin-1");
        // on the same key, so on the same partition behind the replayed record: once both consumers applied it, each
        // has read the replayed record too
        String after = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, poisoned, pledge(after, "packaging")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> effects(poisoned) == 1 && effects(after) == 1 && bystanderEffects(after) == 1);
        assertEquals(1, bystanderEffects(poisoned), "the other consumer applied the replayed event again");
        assertEquals(0, count(bystanderInbox));
        assertEquals(
                1,
                count("select count(*) from inbox_message where consumer = 'platform-test.recorder' and event_id = '"
                        + letter.eventId() + "'"));
        assertEquals(1, count("select count(*) from dead_letter where event_id = '" + letter.eventId() + "'"));
        assertEquals(
                1L,
                count("select count(*) from audit_log where action = 'dead-letter.replayed' and target = 'dead-letter/"
                        + letter.id() + "'"));
    }

    static long bystanderEffects(String donationId) {
        return count("select count(*) from test_bystander_effect where donation_id = '" + donationId + "'");
    }

    @Test
    void housekeeping_removes_only_sent_outbox_rows_and_inbox_rows_past_their_retention() {
        String recent = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, recent, pledge(recent, "packaging")));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(recent) == 1);
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "update outbox_message set sent_at = now() - interval '8 days' where message_key = ?", statement -> {
                    statement.setString(1, recent);
                    return statement.executeUpdate();
                }));
        org.endow.platform.operations.Housekeeping housekeeping =
                context.getBean(org.endow.platform.operations.Housekeeping.class);

        housekeeping.run();

        assertEquals(0L, count("select count(*) from outbox_message where message_key = '" + recent + "'"));
        assertEquals(
                2L,
                count("select count(*) from inbox_message where event_id in (select event_id from test_effect"
                        + " where donation_id = '" + recent + "')"),
                "inbox rows (the two consumers') are kept for 30 days");
    }

    @Test
    void a_record_that_is_not_an_event_is_dead_lettered_without_stopping_the_consumer() throws Exception {
        String key = id();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(Topics.DONATIONS_V1, key, "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        String after = id();
        transactions.executeWrite(
                status -> outbox.append(DonationEvents.DONATION_PLEDGED, after, pledge(after, "packaging")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from dead_letter where message_key = '" + key + "'") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after) == 1);
    }

    static KafkaProducer<String, byte[]> rawProducer() {
        Properties config = new Properties();
        config.put("bootstrap.servers", TestInfra.get().kafkaBootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static DonationPledged pledge(String id, String fund) {
        return new DonationPledged(id, "ada", 500, "USD", fund, "CHEQUE", Instant.parse("2026-11-20T14:05:00Z"));
    }

    static long effects(String donationId) {
        return count("select count(*) from test_effect where donation_id = '" + donationId + "'");
    }

    static long count(String sql) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
