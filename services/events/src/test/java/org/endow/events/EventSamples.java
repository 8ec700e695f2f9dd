package org.endow.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden JSON sample of each event, shared through this module's test-jar: the producing
 * service's test checks that what it writes has the sample's shape, every consuming service's test
 * feeds the sample to its handler.
 */
public final class EventSamples {

    private EventSamples() {}

    public static String pathOf(EventType<?> type) {
        String context = type.name().substring(0, type.name().indexOf('.'));
        String simpleName = type.name().substring(type.name().indexOf('.') + 1);
        return "samples/" + context + "/v" + type.version() + "/" + simpleName + ".json";
    }

    public static String read(EventType<?> type) {
        String path = pathOf(type);
        try (InputStream in = EventSamples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No sample for " + type.qualifiedName() + " at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
