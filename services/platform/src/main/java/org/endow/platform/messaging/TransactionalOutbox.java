package org.endow.platform.messaging;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.kernel.TimeOrderedIds;

/**
 * The outbox table: the event is written in the caller's database transaction (there must be
 * one), so it leaves if and only if the state change commits. The {@link OutboxRelay} sends it to
 * Kafka afterwards.
 */
@Singleton
class TransactionalOutbox implements Outbox {

    private final OutboxMessages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<OutboxAppended> appended;

    TransactionalOutbox(
            OutboxMessages messages, JsonMapper json, Clock clock, ApplicationEventPublisher<OutboxAppended> appended) {
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.micronaut.transaction.exceptions.IllegalTransactionStateException when called outside a
     *     transaction: an event written on its own could leave without its state change
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public <T> UUID append(EventType<T> type, String aggregateId, T payload) {
        UUID eventId = TimeOrderedIds.next();
        EventEnvelope<T> envelope = new EventEnvelope<>(
                eventId,
                type.name(),
                type.version(),
                clock.instant(),
                aggregateId,
                Correlation.currentOrNew(),
                payload);
        String serialized;
        try {
            serialized = json.writeValueAsString(Argument.of(EventEnvelope.class, type.payloadType()), envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialise " + type.qualifiedName(), e);
        }
        messages.insert(eventId, type.topic(), aggregateId, type.name(), type.version(), serialized);
        appended.publishEvent(new Outbox.OutboxAppended(eventId));
        return eventId;
    }
}
