package org.endow.platform.messaging;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent consumer. For each record: every {@link EventHandler} of its type runs in its own
 * database transaction together with an inbox row keyed by (consumer, event id), so a redelivered
 * event has no second effect. Offsets are committed only after those transactions commit (without waiting for the
 * broker's answer: a lost commit is only a redelivery).
 *
 * <p>A handler that keeps failing is retried with back-off, then its event goes to the topic's
 * dead-letter topic and the {@code dead_letter} table and the partition moves on; the dead letters of one poll are
 * sent together and recorded in one transaction before its offsets are committed. An unreachable
 * database or broker, or a lock another transaction holds longer than {@code handlerLockTimeout}, is not the event's
 * fault: the partition waits and retries, and nothing is
 * dead-lettered for it. A dead letter staff send back ({@code DeadLetters.replay}) names the consumer it is for
 * ({@link Headers#REPLAY_FOR}); every other handler, and every other service's consumer, passes over it.
 *
 * <p>However much of a poll fails, the consumer polls again in time ({@code max.poll.interval.ms}) and so keeps its
 * partitions: it starts no record after the poll's {@code consumerPollBudget} is spent (the first one of a poll
 * always), rewinds each partition to its first record not done and polls again; no statement of the transactions that
 * apply events or write dead letters runs longer than {@code handlerStatementTimeout} nor waits longer than {@code
 * handlerLockTimeout} for a lock, so a handler hung in the database fails in time; start-up checks that the interval
 * holds the budget, one record's retries, the dead letters' wait and write and a stall ({@link PollInterval}).
 */
@Singleton
public class InboxConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxConsumer.class);

    private final Map<String, List<EventHandler<?>>> handlersByType = new LinkedHashMap<>();
    private final InboxMessages inbox;
    private final TransactionOperations<Connection> transactions;
    private final KafkaClients clients;
    private final JsonMapper json;
    private final MessagingProperties properties;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    /** Why the consumer thread ended while it should have run; null while it runs or after a deliberate stop. */
    private volatile Throwable stoppedBy;

    private Producer<String, byte[]> deadLetters;
    /** The next wait of each partition that stopped in its last rounds (the consumer thread's only). */
    private final Map<TopicPartition, Duration> stallOf = new HashMap<>();
    /** How often a rebalance took partitions from this consumer (revoked or lost) while it ran. */
    private final AtomicInteger partitionsTakenAway = new AtomicInteger();
    /** The offsets committed last, per partition (the consumer thread's only). */
    private final Map<TopicPartition, OffsetAndMetadata> lastDone = new HashMap<>();

    InboxConsumer(
            List<EventHandler<?>> handlers,
            InboxMessages inbox,
            TransactionOperations<Connection> transactions,
            KafkaClients clients,
            JsonMapper json,
            MessagingProperties properties) {
        for (EventHandler<?> handler : handlers) {
            handlersByType
                    .computeIfAbsent(handler.eventType().qualifiedName(), k -> new ArrayList<>())
                    .add(handler);
        }
        this.inbox = inbox;
        this.transactions = transactions;
        this.clients = clients;
        this.json = json;
        this.properties = properties;
    }

    /** The topics this service's handlers need. */
    public Set<String> topics() {
        Set<String> topics = new HashSet<>();
        handlersByType
                .values()
                .forEach(list -> list.forEach(h -> topics.add(h.eventType().topic())));
        return topics;
    }

    /** @throws org.endow.platform.app.StartupFailure when a poll can take longer than the poll interval allows */
    void checkPollInterval() {
        PollInterval.check(
                properties,
                handlersByType.values().stream().mapToInt(List::size).max().orElse(0));
    }

    /** How often partitions were taken from this consumer while it ran (revoked or lost in a rebalance). */
    int partitionsTakenAway() {
        return partitionsTakenAway.get();
    }

    synchronized void start() {
        if (running || handlersByType.isEmpty()) {
            return;
        }
        running = true;
        consumer = clients.consumer();
        consumer.subscribe(topics(), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty() && running) {
                    partitionsTakenAway.incrementAndGet();
                    LOG.info("Partitions revoked: {}", partitions);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    partitionsTakenAway.incrementAndGet();
                    LOG.warn(
                            "Partitions lost (not polled again within max.poll.interval.ms {}?): {}; their records"
                                    + " are read again",
                            properties.consumerMaxPollInterval(),
                            partitions);
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                LOG.debug("Partitions assigned: {}", partitions);
            }
        });
        LOG.info("Consuming {} as {} for {}", topics(), properties.consumerGroup(), handlersByType.keySet());
        thread = Thread.ofPlatform().name("inbox-consumer").daemon().start(this::loop);
    }

    private void loop() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                long deadline =
                        System.nanoTime() + properties.consumerPollBudget().toNanos();
                boolean progressed = false;
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                Set<TopicPartition> stalled = new HashSet<>();
                // partitions left for the next poll once the budget was spent; rewound to their first record not done
                Set<TopicPartition> deferred = new HashSet<>();
                PendingLetters letters = new PendingLetters();
                for (List<ConsumerRecord<String, byte[]>> chunk : chunks(records)) {
                    List<ConsumerRecord<String, byte[]>> live = chunk.stream()
                            .filter(record ->
                                    !stalled.contains(partitionOf(record)) && !deferred.contains(partitionOf(record)))
                            .toList();
                    if (progressed && spent(deadline)) {
                        live.forEach(record -> defer(record, deferred));
                        continue;
                    }
                    if (appliedAsBatch(live)) {
                        live.forEach(
                                record -> done.put(partitionOf(record), new OffsetAndMetadata(record.offset() + 1)));
                        progressed = true;
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : live) {
                        TopicPartition partition = partitionOf(record);
                        if (stalled.contains(partition) || deferred.contains(partition)) {
                            continue;
                        }
                        if (progressed && spent(deadline)) {
                            // a poll's work is bounded by its budget, never by how much of it fails: the rest waits
                            // for the next poll, so the consumer polls within max.poll.interval.ms and keeps its
                            // partitions
                            defer(record, deferred);
                            continue;
                        }
                        Outcome outcome = process(record, letters);
                        progressed = true;
                        if (outcome == Outcome.RETRY_LATER) {
                            stalled.add(partition);
                            consumer.seek(partition, record.offset());
                        } else {
                            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        }
                    }
                }
                if (!deferred.isEmpty()) {
                    LOG.info(
                            "A poll's budget of {} was spent; {} partition(s) go on from where they stopped at the next"
                                    + " poll",
                            properties.consumerPollBudget(),
                            deferred.size());
                }
                letters.settle().forEach((partition, offset) -> {
                    // the letter at this offset is neither on the dead-letter topic nor in the table: from it again
                    stalled.add(partition);
                    done.put(partition, new OffsetAndMetadata(offset));
                    consumer.seek(partition, offset);
                });
                commit(done);
                backOff(done.keySet(), stalled);
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Inbox consumer woken up unexpectedly", e);
            }
        } catch (Throwable e) {
            // nothing is consumed any more: the messaging health says DOWN with this reason
            stoppedBy = e;
            LOG.error(
                    "Inbox consumer stopped: {}; no event is consumed until the service restarts",
                    OutboxRelay.rootMessage(e),
                    e);
            Transience.rethrowIfFatal(e);
        } finally {
            commitLast();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static boolean spent(long deadline) {
        return System.nanoTime() - deadline >= 0;
    }

    /** Leaves the record's partition for the next poll, from this record on (the first of it not done in this poll). */
    private void defer(ConsumerRecord<String, byte[]> record, Set<TopicPartition> deferred) {
        TopicPartition partition = partitionOf(record);
        if (deferred.add(partition)) {
            consumer.seek(partition, record.offset());
        }
    }

    /** Why the consumer stopped although it should run (an error it cannot go on after); empty while it runs. */
    public Optional<Throwable> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }

    /**
     * Each partition that had to stop waits longer each time in a row it stops (from {@code handlerBackoff}, doubling,
     * up to {@code consumerMaxStall}, 5 s by default); one that moved on without stopping starts from the beginning again. A poll that returns nothing
     * (as the one right after a rewind often does) changes nothing.
     */
    private void backOff(Set<TopicPartition> progressed, Set<TopicPartition> stalled) {
        progressed.stream().filter(p -> !stalled.contains(p)).forEach(stallOf::remove);
        if (stalled.isEmpty()) {
            return;
        }
        Duration longest = Duration.ZERO;
        Duration most = properties.consumerMaxStall();
        for (TopicPartition partition : stalled) {
            Duration wait = stallOf.getOrDefault(partition, properties.handlerBackoff());
            wait = wait.compareTo(most) > 0 ? most : wait;
            longest = wait.compareTo(longest) > 0 ? wait : longest;
            Duration next = wait.multipliedBy(2);
            stallOf.put(partition, next.compareTo(most) > 0 ? most : next);
        }
        sleep(longest);
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /**
     * The polled records in the order polled, cut into chunks of {@code consumerBatchSize} (all of them in one chunk
     * when events are applied one per transaction).
     */
    private List<List<ConsumerRecord<String, byte[]>>> chunks(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        int size = properties.consumerBatchSize() <= 1 ? Math.max(1, all.size()) : properties.consumerBatchSize();
        List<List<ConsumerRecord<String, byte[]>>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Commits without waiting for the broker: the effects are already committed in the database, so a commit that does
     * not land only means a redelivery, which the inbox makes harmless. The consumer thread goes straight back to
     * polling instead of spending a broker round trip per poll; the last offsets are committed synchronously on close.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        lastDone.putAll(done);
        consumer.commitAsync(done, (offsets, error) -> {
            if (error != null) {
                LOG.warn("Offset commit failed, events may be redelivered: {}", error.getMessage());
            }
        });
    }

    /** On the way out: the last offsets of the partitions still assigned, waiting for the broker this time. */
    private void commitLast() {
        lastDone.keySet().retainAll(consumer.assignment());
        if (lastDone.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(lastDone, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.KafkaException e) {
            LOG.warn("Last offset commit failed, events may be redelivered: {}", e.getMessage());
        }
    }

    /**
     * With {@code consumerBatchSize > 1}: applies a chunk of polled events in one transaction. A chunk in which
     * anything fails (an unreadable event, a failing handler, the database) rolls back whole and is left to the
     * one-event-per-transaction path, which retries and dead-letters event by event; the next chunk is tried as a
     * batch again.
     *
     * @return whether the chunk was applied
     */
    private boolean appliedAsBatch(List<ConsumerRecord<String, byte[]>> chunk) {
        if (properties.consumerBatchSize() <= 1 || chunk.size() <= 1) {
            return false;
        }
        try {
            transactions.executeWrite(status -> {
                limitStatements();
                applyStrictly(chunk);
                return null;
            });
            return true;
        } catch (Throwable e) {
            Transience.rethrowIfFatal(e);
            LOG.debug(
                    "A batch of {} events failed ({}); applying them one by one",
                    chunk.size(),
                    OutboxRelay.rootMessage(e));
            return false;
        }
    }

    /** One handler's application of one event, planned for a batch. */
    private record Planned(EventHandler<?> handler, EventEnvelope<?> envelope, ConsumerRecord<String, byte[]> record) {}

    /**
     * Applies a chunk of events inside the caller's transaction, in order; throws on anything the careful path would
     * handle. The inbox rows of the whole chunk are inserted in one JDBC batch first (one round trip instead of one per
     * event and handler); only the handlers whose row was new run.
     */
    private void applyStrictly(List<ConsumerRecord<String, byte[]>> chunk) {
        List<Planned> planned = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : chunk) {
            planStrictly(record, planned);
        }
        boolean[] fresh = inbox.recordAll(planned.stream()
                .map(p -> new InboxMessages.Row(
                        p.handler().consumerName(),
                        p.envelope().eventId(),
                        p.envelope().type(),
                        p.record().topic(),
                        p.record().partition(),
                        p.record().offset()))
                .toList());
        List<Planned> run = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            if (!fresh[i]) {
                LOG.debug(
                        "{} already applied {} {}",
                        p.handler().consumerName(),
                        p.envelope().type(),
                        p.envelope().eventId());
                continue;
            }
            if (!run.isEmpty()
                    && !run.getFirst().envelope().type().equals(p.envelope().type())) {
                applyRun(run);
                run.clear();
            }
            run.add(p);
        }
        applyRun(run);
    }

    /**
     * Applies a run of consecutive events of one type, handler by handler in their order: a {@link
     * BatchedEventHandler} gets the run's events in one call, any other handler each event in turn.
     */
    private void applyRun(List<Planned> run) {
        if (run.isEmpty()) {
            return;
        }
        Map<EventHandler<?>, List<EventEnvelope<?>>> byHandler = new LinkedHashMap<>();
        for (Planned p : run) {
            byHandler.computeIfAbsent(p.handler(), h -> new ArrayList<>()).add(p.envelope());
        }
        for (Map.Entry<EventHandler<?>, List<EventEnvelope<?>>> entry : byHandler.entrySet()) {
            List<EventEnvelope<?>> envelopes = entry.getValue();
            if (entry.getKey() instanceof BatchedEventHandler<?> batched && envelopes.size() > 1) {
                Correlation.with(correlationOf(envelopes.getFirst()), () -> {
                    invokeAll(batched, envelopes);
                    return null;
                });
                continue;
            }
            for (EventEnvelope<?> envelope : envelopes) {
                Correlation.with(correlationOf(envelope), () -> {
                    invoke(entry.getKey(), envelope);
                    return null;
                });
            }
        }
    }

    private static String correlationOf(EventEnvelope<?> envelope) {
        return envelope.correlationId() == null ? envelope.eventId().toString() : envelope.correlationId();
    }

    /** Adds what the record asks of this service's handlers (nothing when none takes its type); throws when unreadable. */
    private void planStrictly(ConsumerRecord<String, byte[]> record, List<Planned> planned) {
        String type = Headers.read(record.headers(), Headers.EVENT_TYPE).orElse(null);
        String version = Headers.read(record.headers(), Headers.EVENT_VERSION).orElse(null);
        if (type == null || version == null) {
            throw new IllegalStateException("no event headers");
        }
        List<EventHandler<?>> handlers = handlersFor(record, type + ".v" + version);
        if (handlers.isEmpty()) {
            return;
        }
        EventEnvelope<?> envelope;
        try {
            envelope = json.readValue(
                    record.value(),
                    Argument.of(
                            EventEnvelope.class, handlers.getFirst().eventType().payloadType()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.payload() == null) {
            throw new IllegalStateException("envelope without event id or payload");
        }
        for (EventHandler<?> handler : handlers) {
            planned.add(new Planned(handler, envelope, record));
        }
    }

    /**
     * The handlers of this type the record is for: all of them, or, for a dead letter sent back by staff ({@link
     * Headers#REPLAY_FOR}), only the consumer it names (none here when it names another consumer).
     */
    private List<EventHandler<?>> handlersFor(ConsumerRecord<String, byte[]> record, String qualifiedType) {
        List<EventHandler<?>> handlers = handlersByType.getOrDefault(qualifiedType, List.of());
        String replayFor = Headers.read(record.headers(), Headers.REPLAY_FOR).orElse(null);
        if (replayFor == null || handlers.isEmpty()) {
            return handlers;
        }
        List<EventHandler<?>> named = handlers.stream()
                .filter(handler -> handler.consumerName().equals(replayFor))
                .toList();
        if (named.size() < handlers.size()) {
            LOG.debug(
                    "{}@{} was replayed for {}: passed over by {}",
                    partitionOf(record),
                    record.offset(),
                    replayFor,
                    handlers.stream()
                            .map(EventHandler::consumerName)
                            .filter(name -> !name.equals(replayFor))
                            .toList());
        }
        return named;
    }

    /** Whether the record is for this consumer: not a replayed dead letter, or one replayed for it. */
    private static boolean replayedFor(ConsumerRecord<String, byte[]> record, String consumerName) {
        return Headers.read(record.headers(), Headers.REPLAY_FOR)
                .map(consumerName::equals)
                .orElse(true);
    }

    private Outcome process(ConsumerRecord<String, byte[]> record, PendingLetters letters) {
        String type = Headers.read(record.headers(), Headers.EVENT_TYPE).orElse(null);
        String version = Headers.read(record.headers(), Headers.EVENT_VERSION).orElse(null);
        if (type == null || version == null) {
            EnvelopeHead head = readHead(record);
            if (head == null) {
                if (!replayedFor(record, properties.consumerGroup())) {
                    return Outcome.DONE;
                }
                return deadLetter(
                        letters, properties.consumerGroup(), record, null, null, "not an Endow event envelope", 1);
            }
            type = head.type();
            version = Integer.toString(head.version());
        }
        List<EventHandler<?>> handlers = handlersFor(record, type + ".v" + version);
        if (handlers.isEmpty()) {
            return Outcome.DONE;
        }
        EventType<?> eventType = handlers.getFirst().eventType();
        EventEnvelope<?> envelope;
        try {
            envelope = json.readValue(record.value(), Argument.of(EventEnvelope.class, eventType.payloadType()));
            if (envelope == null || envelope.eventId() == null || envelope.payload() == null) {
                throw new IOException("envelope without event id or payload");
            }
        } catch (Throwable e) {
            Transience.rethrowIfFatal(e);
            for (EventHandler<?> handler : handlers) {
                Outcome outcome = deadLetter(
                        letters,
                        handler.consumerName(),
                        record,
                        null,
                        type,
                        "unreadable payload: " + e.getMessage(),
                        1);
                if (outcome == Outcome.RETRY_LATER) {
                    return outcome;
                }
            }
            return Outcome.DONE;
        }
        for (EventHandler<?> handler : handlers) {
            if (apply(handler, envelope, record, letters) == Outcome.RETRY_LATER) {
                return Outcome.RETRY_LATER;
            }
        }
        return Outcome.DONE;
    }

    private Outcome apply(
            EventHandler<?> handler,
            EventEnvelope<?> envelope,
            ConsumerRecord<String, byte[]> record,
            PendingLetters letters) {
        int attempts = Math.max(1, properties.handlerAttempts());
        Duration backoff = properties.handlerBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWrite(status -> {
                    limitStatements();
                    applyOnce(handler, envelope, record);
                    return null;
                });
                return Outcome.DONE;
            } catch (Throwable e) {
                // an Error too (a stack overflow, a class that failed to initialise): the transaction rolled back, and
                // the attempt failed like any other; only what the JVM cannot go on after stops the consumer
                Transience.rethrowIfFatal(e);
                if (Transience.isTransient(e)) {
                    LOG.warn(
                            "{} cannot apply {} {} now ({}); will retry",
                            handler.consumerName(),
                            envelope.type(),
                            envelope.eventId(),
                            OutboxRelay.rootMessage(e));
                    return Outcome.RETRY_LATER;
                }
                boolean unprocessable = UnprocessableEvent.isCauseOf(e);
                if (unprocessable || attempt >= attempts) {
                    if (unprocessable) {
                        LOG.warn(
                                "{} cannot ever apply {} {}: {}; dead-lettering it",
                                handler.consumerName(),
                                envelope.type(),
                                envelope.eventId(),
                                OutboxRelay.rootMessage(e));
                    } else {
                        LOG.error(
                                "{} failed {} {} {} times; dead-lettering it",
                                handler.consumerName(),
                                envelope.type(),
                                envelope.eventId(),
                                attempt,
                                e);
                    }
                    return deadLetter(
                            letters,
                            handler.consumerName(),
                            record,
                            envelope.eventId(),
                            envelope.type(),
                            OutboxRelay.rootMessage(e),
                            attempt);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Inside the caller's transaction: no statement of it runs longer than {@code handlerStatementTimeout} nor waits
     * longer than {@code handlerLockTimeout} for a lock, so a handler hung in the database fails in time instead of
     * holding the poll until the consumer is put out of its group. A lock wait cancelled is contention, not a broken
     * event: the partition waits and is read again from the record until the other transaction lets go, and nothing
     * is dead-lettered for it. A slow statement cancelled is a failed attempt (retried, then dead-lettered with the
     * database's reason).
     */
    private void limitStatements() {
        inbox.limitStatements(properties.handlerStatementTimeout(), properties.handlerLockTimeout());
    }

    /** Inside the caller's transaction: records the event in the inbox and hands it to the handler the first time. */
    private void applyOnce(EventHandler<?> handler, EventEnvelope<?> envelope, ConsumerRecord<String, byte[]> record) {
        if (inbox.record(
                handler.consumerName(),
                envelope.eventId(),
                envelope.type(),
                record.topic(),
                record.partition(),
                record.offset())) {
            Correlation.with(correlationOf(envelope), () -> {
                invoke(handler, envelope);
                return null;
            });
        } else {
            LOG.debug("{} already applied {} {}", handler.consumerName(), envelope.type(), envelope.eventId());
        }
    }

    @SuppressWarnings("unchecked") // the handler was chosen by the envelope's type, which fixed T
    private static <T> void invoke(EventHandler<T> handler, EventEnvelope<?> envelope) {
        handler.handle((EventEnvelope<T>) envelope);
    }

    @SuppressWarnings("unchecked") // as invoke: every envelope of the run has the handler's type
    private static <T> void invokeAll(BatchedEventHandler<T> handler, List<EventEnvelope<?>> envelopes) {
        List<EventEnvelope<T>> typed = new ArrayList<>(envelopes.size());
        envelopes.forEach(e -> typed.add((EventEnvelope<T>) e));
        handler.handleAll(typed);
    }

    /**
     * Sends the record to its topic's dead-letter topic without waiting and adds it to the poll's {@link
     * PendingLetters}, which waits for the broker and writes the table's rows once for the whole poll.
     */
    private Outcome deadLetter(
            PendingLetters letters,
            String consumerName,
            ConsumerRecord<String, byte[]> record,
            UUID eventId,
            String type,
            String error,
            int attempts) {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(Topics.deadLetterOf(record.topic()), record.key(), record.value());
        record.headers().forEach(h -> letter.headers().add(h));
        letter.headers()
                .add(Headers.DLT_CONSUMER, Headers.bytes(consumerName))
                .add(Headers.DLT_ERROR, Headers.bytes(error))
                .add(Headers.DLT_ATTEMPTS, Headers.bytes(Integer.toString(attempts)))
                .add(
                        Headers.DLT_ORIGIN,
                        Headers.bytes(record.topic() + "/" + record.partition() + "@" + record.offset()));
        Future<RecordMetadata> sent;
        try {
            sent = deadLetterProducer().send(letter);
        } catch (RuntimeException e) {
            LOG.warn("Cannot dead-letter {}@{} yet: {}", record.topic(), record.offset(), OutboxRelay.rootMessage(e));
            return Outcome.RETRY_LATER;
        }
        letters.add(
                new InboxMessages.DeadLetter(
                        consumerName,
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        eventId,
                        type,
                        record.value(),
                        error,
                        attempts),
                sent);
        return Outcome.DONE;
    }

    /**
     * The dead letters of one poll. Each was sent to the dead-letter topic without waiting, so a run of unprocessable
     * events costs one broker round trip, not one each; {@link #settle()} runs before the poll's offsets are
     * committed, so a committed offset still means its event is on the dead-letter topic and in the table.
     */
    private final class PendingLetters {

        private record Pending(InboxMessages.DeadLetter row, Future<RecordMetadata> sent) {}

        private final List<Pending> pending = new ArrayList<>();

        void add(InboxMessages.DeadLetter row, Future<RecordMetadata> sent) {
            pending.add(new Pending(row, sent));
        }

        /**
         * Waits for the broker's acknowledgements ({@code consumerDeadLetterWait}, 15 s by default, for all of them), then writes the rows of the acknowledged
         * letters in one transaction.
         *
         * @return per partition, the offset of its first letter that is not both sent and written: the partition
         *     must be read again from there (a letter sent twice is the price; the inbox keeps its effects single)
         */
        Map<TopicPartition, Long> settle() {
            Map<TopicPartition, Long> again = new HashMap<>();
            if (pending.isEmpty()) {
                return again;
            }
            long deadline =
                    System.nanoTime() + properties.consumerDeadLetterWait().toNanos();
            for (Pending letter : pending) {
                try {
                    letter.sent().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    again.merge(partitionOf(letter.row()), letter.row().offset(), Math::min);
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warn(
                            "Cannot dead-letter {}@{} yet: {}",
                            letter.row().topic(),
                            letter.row().offset(),
                            OutboxRelay.rootMessage(e));
                    again.merge(partitionOf(letter.row()), letter.row().offset(), Math::min);
                }
            }
            List<InboxMessages.DeadLetter> rows = pending.stream()
                    .map(Pending::row)
                    .filter(row -> row.offset() < again.getOrDefault(partitionOf(row), Long.MAX_VALUE))
                    .toList();
            try {
                transactions.executeWrite(status -> {
                    limitStatements();
                    inbox.deadLetterAll(rows);
                    return null;
                });
            } catch (RuntimeException e) {
                // a write that waited too long (a lock on dead_letter) is no fault of the rows: read again, like with
                // the database away, rather than row by row, each of which could wait as long
                if (Transience.isTransient(e) || Transience.isCancelledInTime(e)) {
                    LOG.warn("Cannot record {} dead letters yet: {}", rows.size(), OutboxRelay.rootMessage(e));
                    rows.forEach(row -> again.merge(partitionOf(row), row.offset(), Math::min));
                } else {
                    recordOneByOne(rows, again);
                }
            }
            return again;
        }

        /**
         * The database refused the poll's rows for a reason that will not pass by itself: each row on its own, so that
         * one the database will never take (reading the partition again would send its letter again, forever) does
         * not hold the others back. A row refused for good is logged and left: its letter is on the dead-letter topic.
         * A row whose write was cancelled for waiting too long is read again, and so is every row after it: at most
         * one statement timeout is spent here.
         */
        private void recordOneByOne(List<InboxMessages.DeadLetter> rows, Map<TopicPartition, Long> again) {
            boolean waitedTooLong = false;
            for (InboxMessages.DeadLetter row : rows) {
                if (row.offset() >= again.getOrDefault(partitionOf(row), Long.MAX_VALUE)) {
                    continue; // its partition is read again from an earlier letter
                }
                if (waitedTooLong) {
                    // one row's write already waited a whole timeout: the rest are read again, not each waited for
                    again.merge(partitionOf(row), row.offset(), Math::min);
                    continue;
                }
                try {
                    transactions.executeWrite(status -> {
                        limitStatements();
                        inbox.deadLetterAll(List.of(row));
                        return null;
                    });
                } catch (RuntimeException e) {
                    waitedTooLong = Transience.isCancelledInTime(e);
                    if (Transience.isTransient(e) || waitedTooLong) {
                        LOG.warn(
                                "Cannot record the dead letter of {}@{} yet: {}",
                                partitionOf(row),
                                row.offset(),
                                OutboxRelay.rootMessage(e));
                        again.merge(partitionOf(row), row.offset(), Math::min);
                    } else {
                        LOG.error(
                                "The database refuses for good the dead letter of {}@{} ({} for {}): {}. The record is on"
                                        + " {} (headers {} and {}) but not in dead_letter; the partition moves on",
                                partitionOf(row),
                                row.offset(),
                                row.eventType(),
                                row.consumer(),
                                OutboxRelay.rootMessage(e),
                                Topics.deadLetterOf(row.topic()),
                                Headers.DLT_ORIGIN,
                                Headers.DLT_CONSUMER,
                                e);
                    }
                }
            }
        }

        private static TopicPartition partitionOf(InboxMessages.DeadLetter row) {
            return new TopicPartition(row.topic(), row.partition());
        }
    }

    private synchronized Producer<String, byte[]> deadLetterProducer() {
        if (deadLetters == null) {
            deadLetters = clients.producer("dead-letters");
        }
        return deadLetters;
    }

    private EnvelopeHead readHead(ConsumerRecord<String, byte[]> record) {
        try {
            EnvelopeHead head = json.readValue(record.value(), EnvelopeHead.class);
            return head == null || head.type() == null || head.version() == null ? null : head;
        } catch (Throwable e) {
            Transience.rethrowIfFatal(e);
            return null;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(5));
            }
        }
    }

    private enum Outcome {
        DONE,
        RETRY_LATER
    }

    @io.micronaut.serde.annotation.Serdeable
    record EnvelopeHead(String type, Integer version) {}
}
