package org.endow.sponsors.audit.infrastructure;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.endow.platform.security.Roles;
import org.endow.sponsors.audit.model.AuditTrail;

/** Staff: every staff decision on sponsorships, newest first. */
@Controller("/api/sponsors/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.STAFF)
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @Get
    @Transactional(readOnly = true)
    List<AuditResponse> latest(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.latest(limit).stream()
                .map(e -> new AuditResponse(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }

    @Serdeable
    record AuditResponse(String actor, String action, String target, String details, Instant at) {}
}
