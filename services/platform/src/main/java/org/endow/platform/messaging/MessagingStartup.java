package org.endow.platform.messaging;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * At start: checks that the broker answers, creates every topic and dead-letter topic with its partition count, then
 * starts the relay and the inbox. This runs on its own thread while the rest of the service starts (it is mostly
 * waiting for the broker), and the server's start waits for it: a broker that does not answer still stops the service
 * with one clear line. Until it is done, the {@code messaging} health indicator says DOWN, so the service is not
 * reported healthy before it can publish and consume.
 */
@Context
@Requires(property = "endow.messaging.service")
class MessagingStartup implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingStartup.class);

    private final KafkaClients clients;
    private final MessagingProperties properties;
    private final OutboxRelay relay;
    private final InboxConsumer inbox;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean closed;

    MessagingStartup(KafkaClients clients, MessagingProperties properties, OutboxRelay relay, InboxConsumer inbox) {
        this.clients = clients;
        this.properties = properties;
        this.relay = relay;
        this.inbox = inbox;
    }

    @PostConstruct
    void start() {
        Thread.ofPlatform().name("messaging-startup").daemon().start(() -> {
            try {
                if (properties.consumerEnabled()) {
                    inbox.checkPollInterval();
                }
                createTopics();
                startRelayAndInbox();
                ready.complete(null);
                LOG.info(
                        "Messaging ready: broker {}, group {}", clients.bootstrapServers(), properties.consumerGroup());
            } catch (RuntimeException failure) {
                LOG.error("Messaging cannot start: {}", failure.getMessage());
                ready.completeExceptionally(failure);
            }
        });
    }

    /** The server has started: wait for messaging too, so that a broker that cannot be reached stops the start. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        awaitReady();
    }

    /** Blocks until messaging is started; throws {@link StartupFailure} when it cannot be. */
    void awaitReady() {
        try {
            ready.get(properties.startupTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StartupFailure failure
                    ? failure
                    : new StartupFailure("messaging cannot start: " + OutboxRelay.rootMessage(e), e);
        } catch (TimeoutException e) {
            throw noAnswer(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while connecting to Kafka", e);
        }
    }

    private StartupFailure noAnswer(TimeoutException e) {
        return new StartupFailure(
                "Kafka broker not reachable at " + clients.bootstrapServers() + " (no answer within "
                        + properties.startupTimeout().toSeconds() + " s)",
                e);
    }

    /** Whether the relay and the inbox are running. */
    boolean ready() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    private void createTopics() {
        Admin admin = clients.admin();
        try {
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
            throw noAnswer(e);
        } catch (ExecutionException e) {
            throw new StartupFailure(
                    "Kafka broker not reachable at " + clients.bootstrapServers() + " (" + OutboxRelay.rootMessage(e)
                            + ")",
                    e);
        } finally {
            admin.close(Duration.ofSeconds(2)); // not the default: its pending calls to a missing broker would wait on
        }
    }

    /** Not once the context is closing: a relay or consumer started then would outlive it. */
    private synchronized void startRelayAndInbox() {
        if (closed) {
            throw new StartupFailure("the service stopped while messaging was starting", null);
        }
        if (properties.relayEnabled()) {
            relay.start();
        }
        if (properties.consumerEnabled()) {
            inbox.start();
        }
    }

    @PreDestroy
    synchronized void stop() {
        closed = true;
    }
}
