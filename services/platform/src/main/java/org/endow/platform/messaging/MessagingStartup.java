package org.endow.platform.messaging;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.endow.events.Topics;
import org.endow.platform.app.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start: checks that the broker answers (else the service stops with one clear line), creates
 * every topic and dead-letter topic with its partition count, then starts the relay and the inbox.
 */
@Context
@Requires(property = "endow.messaging.service")
class MessagingStartup {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingStartup.class);

    private final KafkaClients clients;
    private final MessagingProperties properties;
    private final OutboxRelay relay;
    private final InboxConsumer inbox;

    MessagingStartup(KafkaClients clients, MessagingProperties properties, OutboxRelay relay, InboxConsumer inbox) {
        this.clients = clients;
        this.properties = properties;
        this.relay = relay;
        this.inbox = inbox;
    }

    @PostConstruct
    void start() {
        try (Admin admin = clients.admin()) {
            long timeout = properties.startupTimeout().toMillis();
            admin.describeCluster().clusterId().get(timeout, TimeUnit.MILLISECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (Map.Entry<String, Integer> topic : Topics.PARTITIONS.entrySet()) {
                topics.add(new NewTopic(topic.getKey(), Optional.of(topic.getValue()), Optional.empty()));
                topics.add(new NewTopic(Topics.deadLetterOf(topic.getKey()), Optional.of(1), Optional.empty()));
            }
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(timeout, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while connecting to Kafka", e);
        } catch (TimeoutException e) {
            throw new StartupFailure(
                    "Kafka broker not reachable at " + clients.bootstrapServers() + " (no answer within "
                            + properties.startupTimeout().toSeconds() + " s)",
                    e);
        } catch (ExecutionException e) {
            throw new StartupFailure(
                    "Kafka broker not reachable at " + clients.bootstrapServers() + " (" + OutboxRelay.rootMessage(e)
                            + ")",
                    e);
        }
        if (properties.relayEnabled()) {
            relay.start();
        }
        if (properties.consumerEnabled()) {
            inbox.start();
        }
        LOG.info("Messaging ready: broker {}, group {}", clients.bootstrapServers(), properties.consumerGroup());
    }
}
