package org.endow.platform.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock moved by an offset that a system test sets (deadlines, cycles); never used in production. */
public final class ShiftableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    ShiftableClock(Clock base) {
        this.base = base;
    }

    /** From now on the clock reads {@code now} (and runs on from there). */
    public void set(Instant now) {
        offset.set(Duration.between(base.instant(), now));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
