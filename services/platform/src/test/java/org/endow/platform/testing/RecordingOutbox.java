package org.endow.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.endow.events.EventType;
import org.endow.platform.messaging.Outbox;

/** An in-memory {@link Outbox} for use-case tests: remembers what would have been published. */
public final class RecordingOutbox implements Outbox {

    private final List<Recorded<?>> recorded = new ArrayList<>();

    @Override
    public <T> UUID append(EventType<T> type, String aggregateId, T payload) {
        UUID id = UUID.randomUUID();
        recorded.add(new Recorded<>(id, type, aggregateId, payload));
        return id;
    }

    public List<Recorded<?>> recorded() {
        return List.copyOf(recorded);
    }

    /** The payloads recorded for {@code type}, in order. */
    public <T> List<T> payloads(EventType<T> type) {
        return recorded.stream()
                .filter(r -> r.type().equals(type))
                .map(r -> type.payloadType().cast(r.payload()))
                .toList();
    }

    public record Recorded<T>(UUID eventId, EventType<T> type, String aggregateId, T payload) {}
}
