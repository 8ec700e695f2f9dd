package org.endow.platform.messaging;

import org.endow.events.EventEnvelope;
import org.endow.events.EventType;

/**
 * Applies one kind of integration event to this service's state. The platform calls
 * {@link #handle} inside a database transaction that also records the event in the inbox, so the
 * effect happens exactly once however often Kafka delivers the event. Implementations only touch
 * the database (and the {@link Outbox}); they never call Kafka or another service.
 */
public interface EventHandler<T> {

    /** The event and version this handler applies. */
    EventType<T> eventType();

    /**
     * A stable name of this consumer, e.g. {@code funds.ledger}: the inbox key is (name, event id),
     * so two handlers of one event each apply it once. Never rename a live consumer.
     */
    String consumerName();

    void handle(EventEnvelope<T> event);
}
