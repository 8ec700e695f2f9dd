package org.endow.platform.messaging;

import io.micronaut.http.context.ServerRequestContext;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The correlation id of the work in progress on this thread: set from the {@code X-Correlation-Id}
 * header for a request and from the envelope for a consumed event, copied into every event the
 * work publishes.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {}

    public static Optional<String> current() {
        String set = CURRENT.get();
        if (set != null) {
            return Optional.of(set);
        }
        return ServerRequestContext.currentRequest()
                .map(request -> request.getHeaders().get(HEADER))
                .filter(Correlation::isAcceptable);
    }

    public static String currentOrNew() {
        return current().orElseGet(() -> UUID.randomUUID().toString());
    }

    public static <T> T with(String correlationId, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(correlationId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Accepts a client-supplied id only if it is short and plain, so logs cannot be forged. */
    public static boolean isAcceptable(String candidate) {
        return candidate != null && candidate.matches("[A-Za-z0-9._:-]{8,100}");
    }
}
