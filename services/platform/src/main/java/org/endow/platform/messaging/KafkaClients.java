package org.endow.platform.messaging;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients with the settings the delivery guarantees depend on. The broker comes
 * from {@code kafka.bootstrap.servers} (env {@code KAFKA_BOOTSTRAP_SERVERS}).
 */
@Singleton
public class KafkaClients {

    private final String bootstrapServers;
    private final MessagingProperties properties;

    KafkaClients(@Value("${kafka.bootstrap.servers}") String bootstrapServers, MessagingProperties properties) {
        this.bootstrapServers = bootstrapServers;
        this.properties = properties;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** acks=all with idempotence: no loss and no duplicate from producer retries, order kept per key. */
    public Producer<String, byte[]> producer(String purpose) {
        Properties config = new Properties();
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, properties.consumerGroup() + "." + purpose,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.LINGER_MS_CONFIG, "2",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000"));
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Manual commits only, after the database has committed the effect. {@code max.poll.interval.ms} is {@code
     * consumer-max-poll-interval}, which start-up checks against the longest a poll can take ({@link PollInterval}).
     */
    public KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup(),
                ConsumerConfig.CLIENT_ID_CONFIG, properties.consumerGroup() + ".inbox",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"));
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        config.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                Long.toString(properties.consumerMaxPollInterval().toMillis()));
        config.put(
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                Integer.toString(Math.max(1, properties.consumerFetchMinBytes())));
        config.put(
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                Long.toString(properties.consumerFetchMaxWait().toMillis()));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, properties.consumerGroup() + ".admin");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(config);
    }
}
