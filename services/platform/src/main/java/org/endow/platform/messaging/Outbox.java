package org.endow.platform.messaging;

import java.util.UUID;
import org.endow.events.EventType;

/**
 * The only way a service publishes an integration event. Call it inside the transaction that
 * changes the state the event tells about: both commit together or neither does.
 */
public interface Outbox {

    /**
     * Records {@code payload} as an event of {@code type} about {@code aggregateId} (the Kafka key).
     *
     * @return the new event's id
     */
    <T> UUID append(EventType<T> type, String aggregateId, T payload);

    /** Published inside the transaction; the relay wakes up once it has committed. */
    record OutboxAppended(UUID eventId) {}
}
