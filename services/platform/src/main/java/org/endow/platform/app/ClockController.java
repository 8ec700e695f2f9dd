package org.endow.platform.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.endow.platform.security.Roles;

/**
 * System tests move a service's clock through the gateway instead of sleeping ({@code PUT
 * /api/<route>/operations/clock {"now": ...}}, ADMIN). Exists only when the service was started with
 * {@code endow.clock.shiftable=true}.
 */
@Controller("/api/${endow.route}/operations/clock")
@Requires(property = "endow.clock.shiftable", value = "true")
@Requires(property = "endow.route")
@Secured(Roles.ADMIN)
class ClockController {

    private final Clock clock;

    ClockController(Clock clock) {
        this.clock = clock;
    }

    @Get
    Now now() {
        return new Now(clock.instant());
    }

    @Put
    Now set(@Body @Valid Now now) {
        if (!(clock instanceof ShiftableClock shiftable)) {
            throw new IllegalStateException("the clock is not shiftable");
        }
        shiftable.set(now.now());
        return new Now(clock.instant());
    }

    @Serdeable
    record Now(@NotNull Instant now) {}
}
