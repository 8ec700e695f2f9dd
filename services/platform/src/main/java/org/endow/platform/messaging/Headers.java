package org.endow.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/** Kafka header names Endow sets on every record, so consumers can route without parsing. */
public final class Headers {

    static final String EVENT_ID = "endow-event-id";
    static final String EVENT_TYPE = "endow-event-type";
    static final String EVENT_VERSION = "endow-event-version";
    static final String DLT_CONSUMER = "endow-dlt-consumer";
    static final String DLT_ERROR = "endow-dlt-error";
    static final String DLT_ATTEMPTS = "endow-dlt-attempts";
    static final String DLT_ORIGIN = "endow-dlt-origin";
    /**
     * On a dead letter sent back to its topic: the consumer (the dead letter's {@code consumer}) that is to apply it.
     * Every other consumer of the topic passes over the record: it applied the event the first time round, and its
     * inbox row may be gone by now (housekeeping), so its inbox cannot be trusted to turn the copy into a no-op.
     */
    public static final String REPLAY_FOR = "endow-replay-for";

    private Headers() {}

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static Optional<String> read(org.apache.kafka.common.header.Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
