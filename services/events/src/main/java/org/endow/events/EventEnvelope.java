package org.endow.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: the metadata every consumer needs plus the event's payload as
 * JSON. The Kafka record key is {@link #aggregateId()}, so the events of one aggregate keep their
 * order.
 *
 * @param eventId unique per event; consumers deduplicate on it
 * @param type the event's wire name (see {@link EventType#name()})
 * @param version the contract version of the payload
 * @param occurredAt when the fact happened, in the producing service
 * @param aggregateId the id of the aggregate the event is about; also the Kafka key
 * @param correlationId ties together everything one user action caused
 * @param payload the event record, serialised
 */
@Serdeable
public record EventEnvelope<T>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateId,
        @Nullable String correlationId,
        T payload) {}
