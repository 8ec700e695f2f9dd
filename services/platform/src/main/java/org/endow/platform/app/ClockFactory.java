package org.endow.platform.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** One clock for the whole service, replaceable in tests (a test's own {@code Clock} singleton wins over this secondary one). */
@Factory
class ClockFactory {

    @Singleton
    @io.micronaut.context.annotation.Secondary
    Clock clock() {
        return Clock.systemUTC();
    }
}
