package org.endow.funds.ledger.infrastructure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.endow.devstack.Database;
import org.endow.devstack.KafkaBroker;
import org.endow.devstack.RepoRoot;
import org.endow.devstack.TestInfra;
import org.endow.events.Topics;
import org.endow.funds.ledger.application.ViewingItemBalances;
import org.endow.funds.ledger.model.Journal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scripted month of donation events, with duplicates, fed to the funds service through a real
 * broker; halfway the consumer stops, and when it starts again the whole topic is delivered again
 * from the first offset. The item balances must equal the figures computed by hand, and the ledger
 * must balance. The broker is this class's own, so that no other test's events are on its topic.
 */
class ScriptedMonthIT {

    static KafkaBroker broker;
    static Map<String, Object> properties;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(
                Files.createDirectories(RepoRoot.find().resolve("services/funds/target")), "month-broker");
        broker = KafkaBroker.builder().dataDir(dir).build().start();
        Database db = TestInfra.get().freshDatabase("funds_month");
        properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.username());
        properties.put("datasources.default.password", db.password());
        properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
        properties.put("endow.messaging.service", "funds");
        properties.put("micronaut.server.port", -1);
        properties.put("endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    void a_month_of_mixed_events_with_duplicates_and_a_redelivery_gives_the_hand_computed_balances() throws Exception {
        String a = UUID.randomUUID().toString(); // 100.00 to packaging, received
        String b = UUID.randomUUID().toString(); // 250.00 to cpython-dir, received
        String c = UUID.randomUUID().toString(); // 40.00 to the general fund, received
        String d = UUID.randomUUID().toString(); // 75.00 to packaging, received
        String e = UUID.randomUUID().toString(); // 1,000.00 to core-sprint-2027, still pledged
        String pledgeA = pledged(a, 10_000, "packaging", "2026-11-01T09:00:00Z");
        String receiptA = received(a, 10_000, "packaging", "2026-11-03T10:00:00Z");
        String receiptB = received(b, 25_000, "cpython-dir", "2026-11-15T10:00:00Z");

        ApplicationContext first = ApplicationContext.run(properties);
        try {
            publish(List.of(
                    pledgeA,
                    pledged(b, 25_000, "cpython-dir", "2026-11-01T12:00:00Z"),
                    pledged(c, 4_000, "general", "2026-11-02T08:00:00Z"),
                    receiptA,
                    pledgeA, // the same event again
                    pledged(d, 7_500, "packaging", "2026-11-08T15:00:00Z"),
                    received(c, 4_000, "general", "2026-11-09T10:00:00Z")));
            ViewingItemBalances view = first.getBean(ViewingItemBalances.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> figures(view, "packaging").equals(List.of(7_500L, 10_000L)));
        } finally {
            first.close(); // the consumer stops
        }

        publish(List.of(
                receiptB,
                receiptB, // delivered twice
                pledged(e, 100_000, "core-sprint-2027", "2026-11-20T11:00:00Z"),
                received(d, 7_500, "packaging", "2026-11-21T10:00:00Z"),
                receiptA)); // an old event once more
        rewindConsumerGroup("endow.funds"); // and, as after a crash before the offsets were committed, everything again

        ApplicationContext second = ApplicationContext.run(properties);
        try {
            ViewingItemBalances view = second.getBean(ViewingItemBalances.class);
            Map<String, List<Long>> expected = Map.of(
                    "packaging", List.of(0L, 17_500L),
                    "cpython-dir", List.of(0L, 25_000L),
                    "general", List.of(0L, 4_000L),
                    "core-sprint-2027", List.of(100_000L, 0L),
                    "security-dir", List.of(0L, 0L));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> expected.keySet().stream()
                            .allMatch(code -> figures(view, code).equals(expected.get(code))));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> expected.keySet().stream()
                            .allMatch(code -> figures(view, code).equals(expected.get(code))));
            // the list of every item (balances and reservations read in one query each) says what each item says
            assertEquals(
                    view.all(),
                    view.all().stream().map(v -> view.item(v.item().code())).toList());
            Journal journal = second.getBean(Journal.class);
            io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx =
                    second.getBean(io.micronaut.transaction.TransactionOperations.class);
            Map<String, Long> trial = tx.executeRead(status -> journal.trialBalance());
            assertEquals(Map.of("USD", 0L), trial, "debits equal credits");
            // the balances the database keeps as lines arrive equal the sums over every line
            try (var kept = java.sql.DriverManager.getConnection(
                            (String) properties.get("datasources.default.url"),
                            (String) properties.get("datasources.default.username"),
                            (String) properties.get("datasources.default.password"));
                    var rs = kept.createStatement()
                            .executeQuery("select count(*) from (select fund_code, account, currency,"
                                    + " sum(debit_minor) - sum(credit_minor) as net from journal_line group by 1, 2, 3) l"
                                    + " full join account_balance b using (fund_code, account, currency)"
                                    + " where b.debit_minus_credit is distinct from l.net")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "kept balances equal the journal's sums");
                try (var income = kept.createStatement()
                        .executeQuery(
                                "select count(*) from (select date_trunc('month', e.occurred_at at time zone 'UTC')::date"
                                        + " as month, income_source(e.kind) as source, l.currency, sum(l.debit_minor) as amount"
                                        + " from journal_entry e join journal_line l on l.entry_id = e.id"
                                        + " where l.account in ('cash', 'in-kind') and l.debit_minor > 0 and e.kind <> 'TRANSFER'"
                                        + " group by 1, 2, 3) s full join income_by_month i using (month, source, currency)"
                                        + " where i.amount_minor is distinct from s.amount")) {
                    income.next();
                    assertEquals(0, income.getLong(1), "kept income by month equals the journal's sums");
                }
            }
        } finally {
            second.close();
        }
    }

    /** [pledged, raised] of one item, in minor units. */
    private static List<Long> figures(ViewingItemBalances view, String code) {
        var balance = view.item(code).balance();
        return List.of(balance.pledged().minor(), balance.raised().minor());
    }

    private static String pledged(String donation, long amount, String fund, String at) {
        return envelope("donations.DonationPledged", donation, at, """
                {"donationId":"%s","donorId":"donor-%s","amountMinor":%d,"currency":"USD","fundCode":"%s",\
                "method":"BANK_TRANSFER","pledgedAt":"%s"}""".formatted(donation, donation, amount, fund, at));
    }

    private static String received(String donation, long amount, String fund, String at) {
        return envelope(
                "donations.DonationReceived", donation, at, """
                {"donationId":"%s","donorId":"donor-%s","amountMinor":%d,"currency":"USD","fundCode":"%s",\
                "method":"BANK_TRANSFER","receivedAt":"%s","reference":null}""".formatted(donation, donation, amount, fund, at));
    }

    private static String envelope(String type, String aggregate, String at, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","aggregateId":"%s","correlationId":null,\
                "payload":%s}""".formatted(UUID.randomUUID(), type, at, aggregate, payload);
    }

    private static void publish(List<String> envelopes) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", broker.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (String envelope : envelopes) {
                var matcher = java.util.regex.Pattern.compile("\"aggregateId\":\"([^\"]+)\"")
                        .matcher(envelope);
                String key = matcher.find() ? matcher.group(1) : null;
                producer.send(new ProducerRecord<>(Topics.DONATIONS_V1, key, envelope.getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
    }

    private static void rewindConsumerGroup(String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < Topics.partitionsOf(Topics.DONATIONS_V1); p++) {
                start.put(new TopicPartition(Topics.DONATIONS_V1, p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
        }
    }
}
