package org.endow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    static final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void every_event_has_a_sample_that_reads_into_its_record_and_envelope() throws IOException {
        for (EventType<?> type : EventCatalog.ALL) {
            EventEnvelope<?> envelope =
                    json.readValue(EventSamples.read(type), Argument.of(EventEnvelope.class, type.payloadType()));
            assertEquals(type.name(), envelope.type(), type.qualifiedName());
            assertEquals(type.version(), envelope.version(), type.qualifiedName());
            assertNotNull(envelope.eventId(), type.qualifiedName());
            assertNotNull(envelope.aggregateId(), type.qualifiedName());
            assertTrue(type.payloadType().isInstance(envelope.payload()), type.qualifiedName());
        }
    }

    @Test
    void names_are_unique_and_topics_are_versioned_constants() {
        Set<String> names = new HashSet<>();
        for (EventType<?> type : EventCatalog.ALL) {
            assertTrue(names.add(type.qualifiedName()), "duplicate " + type.qualifiedName());
            assertTrue(type.topic().matches("endow\\.[a-z-]+\\.v" + type.version()), type.topic());
            assertTrue(Topics.PARTITIONS.containsKey(type.topic()), "no partition count for " + type.topic());
            assertTrue(type.payloadType().getPackageName().endsWith(".v" + type.version()));
        }
    }
}
