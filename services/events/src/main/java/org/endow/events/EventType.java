package org.endow.events;

import java.util.Objects;

/**
 * Names one version of one integration event: its wire name, version, topic and payload class.
 * Producers and consumers refer to these constants, never to strings.
 *
 * @param name the stable wire name, {@code <context>.<EventName>}
 * @param version the contract version; a breaking change is a new version on a new topic
 * @param topic the topic (see {@link Topics})
 * @param payloadType the record carried as the envelope's payload
 */
public record EventType<T>(String name, int version, String topic, Class<T> payloadType) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadType, "payloadType");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** The key that identifies this event type and version on the wire. */
    public String qualifiedName() {
        return name + ".v" + version;
    }
}
