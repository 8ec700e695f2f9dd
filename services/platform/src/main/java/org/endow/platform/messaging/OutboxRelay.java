package org.endow.platform.messaging;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.endow.platform.messaging.OutboxMessages.PendingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to Kafka in row order, then marks the rows sent. At least once: a crash
 * between the send and the mark re-sends, and consumers deduplicate on the event id. While the
 * broker is unreachable it keeps the rows and retries with a capped back-off; nothing is lost.
 */
@Singleton
public class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxMessages messages;
    private final TransactionOperations<Connection> transactions;
    private final KafkaClients clients;
    private final MessagingProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    /** Why the relay thread ended while it should have run; null while it runs or after a deliberate stop. */
    private volatile Throwable stoppedBy;

    private Producer<String, byte[]> producer;

    OutboxRelay(
            OutboxMessages messages,
            TransactionOperations<Connection> transactions,
            KafkaClients clients,
            MessagingProperties properties) {
        this.messages = messages;
        this.transactions = transactions;
        this.clients = clients;
        this.properties = properties;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAppended(Outbox.OutboxAppended event) {
        wakeUp.release();
    }

    /** Rows not yet published: a gauge for operators and a condition for tests. */
    public long backlog() {
        return transactions.executeRead(status -> messages.countUnsent());
    }

    /** Why the relay stopped although it should run (an error it cannot go on after); empty while it runs. */
    public Optional<Throwable> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }

    /**
     * A failed round is retried; an {@link Error} ends the relay (nothing is published any more), and the messaging
     * health says DOWN with the reason.
     */
    private void loop() {
        try {
            publishUntilStopped();
        } catch (Throwable e) {
            stoppedBy = e;
            LOG.error(
                    "Outbox relay stopped: {}; events stay in the outbox until the service restarts",
                    rootMessage(e),
                    e);
            Transience.rethrowIfFatal(e);
        }
    }

    private void publishUntilStopped() {
        Duration backoff = properties.relayErrorBackoff();
        while (running) {
            try {
                Round round = transactions.executeWrite(status -> publishRound());
                if (round.failure() != null) {
                    LOG.warn(
                            "Outbox relay: {} published, then Kafka refused: {}; retrying in {} ms",
                            round.published(),
                            round.failure(),
                            backoff.toMillis());
                    resetProducer();
                    pause(backoff);
                    backoff = min(backoff.multipliedBy(2), properties.relayMaxBackoff());
                    continue;
                }
                backoff = properties.relayErrorBackoff();
                if (round.published() < properties.relayBatchSize()) {
                    wakeUp.drainPermits();
                    if (round.published() == 0) {
                        wakeUp.tryAcquire(properties.relayIdleWait().toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Outbox relay round failed: {}; retrying in {} ms", rootMessage(e), backoff.toMillis());
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), properties.relayMaxBackoff());
            }
        }
    }

    private Round publishRound() {
        if (!messages.tryLeadership()) {
            return new Round(0, null);
        }
        List<PendingMessage> pending = messages.nextUnsent(properties.relayBatchSize());
        if (pending.isEmpty()) {
            return new Round(0, null);
        }
        Producer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> sends = new ArrayList<>(pending.size());
        // set by the producer's I/O thread when a send of this round failed: nothing after it may leave
        AtomicReference<Exception> refused = new AtomicReference<>();
        String failure = null;
        for (PendingMessage message : pending) {
            if (refused.get() != null) {
                break;
            }
            Future<RecordMetadata> send;
            try {
                send = kafka.send(toRecord(message), (metadata, error) -> {
                    if (error != null) {
                        refused.compareAndSet(null, error);
                    }
                });
            } catch (RuntimeException e) {
                failure = rootMessage(e);
                break;
            }
            sends.add(send);
            // KafkaProducer.send throws for little: a metadata timeout (max.block.ms), a record too large and the
            // like come back as a future that has failed already. A later row sent after it would reach the broker
            // before this one does next round (DonationReceived before DonationPledged), and each further send of a
            // round against a missing broker would block max.block.ms again, holding the lock and the transaction.
            if (send.isDone() && failedAlready(send)) {
                break;
            }
        }
        kafka.flush();
        List<Long> sent = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                sent.add(pending.get(i).id());
            } catch (ExecutionException e) {
                // Stop at the first failure: a later row of the same key must not overtake it.
                failure = rootMessage(e);
                messages.markFailed(pending.get(i).id(), failure);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
        }
        messages.markSent(sent);
        return new Round(sent.size(), failure);
    }

    /** Whether a send that is done failed (it does not wait: {@code get} of a done future returns at once). */
    private static boolean failedAlready(Future<RecordMetadata> sent) {
        try {
            sent.get();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(PendingMessage message) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(message.topic(), message.key(), Headers.bytes(message.envelope()));
        record.headers()
                .add(Headers.EVENT_ID, Headers.bytes(message.eventId().toString()))
                .add(Headers.EVENT_TYPE, Headers.bytes(message.type()))
                .add(Headers.EVENT_VERSION, Headers.bytes(Integer.toString(message.version())));
        return record;
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = clients.producer("outbox");
        }
        return producer;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        Thread current = thread;
        if (current != null) {
            wakeUp.release();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resetProducer();
    }

    private record Round(int published, String failure) {}
}
