package org.endow.devstack;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka baseline of {@code ./endow bench}, in the spirit of Kafka's own {@code kafka-producer-perf-test} (whose
 * {@code kafka-tools} jar is not served here): {@code records} records of {@code size} bytes, keyed, with the
 * producer settings Endow's outbox relay uses ({@code acks=all}, idempotence). Runs in its own JVM on the broker's
 * classpath and prints one line: {@code records/s=<n> MB/s=<n>}.
 */
public final class ProducerPerf {

    private ProducerPerf() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int records = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        createTopic(bootstrap, topic);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        byte[] value = new byte[size];
        java.util.Arrays.fill(value, (byte) 'x');
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 1_000; i++) { // warm-up: metadata, connections, JIT
                producer.send(new ProducerRecord<>(topic, "warm-" + i, value)).get();
            }
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 1024), value), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    java.util.Locale.ROOT,
                    "records/s=%.0f MB/s=%.1f failures=%d%n",
                    records / seconds,
                    records * (double) size / seconds / 1e6,
                    failures.get());
        }
    }

    /** The broker creates no topic on first use (auto.create.topics.enable=false): one partition, as it had when it did. */
    private static void createTopic(String bootstrap, String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
