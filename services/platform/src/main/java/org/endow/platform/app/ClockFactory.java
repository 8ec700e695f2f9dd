package org.endow.platform.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * One clock for the whole service. A test may register its own {@code Clock} singleton (it wins over
 * this secondary one); a system test may start a service with {@code endow.clock.shiftable=true}
 * (env {@code ENDOW_CLOCK_SHIFTABLE}) to move its clock from outside ({@link ClockController}, ADMIN):
 * never set in production.
 */
@Factory
class ClockFactory {

    @Singleton
    @Secondary
    Clock clock(@Value("${endow.clock.shiftable:false}") boolean shiftable) {
        return shiftable ? new ShiftableClock(Clock.systemUTC()) : Clock.systemUTC();
    }
}
