package org.endow.gateway.admission;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * One admission lane: {@code endow.gateway.admission.<name>.*} (one word per name and per property, so that e.g.
 * {@code ENDOW_GATEWAY_ADMISSION_PAGES_CONCURRENCY} maps to exactly one property). At most {@code concurrency}
 * requests to {@code paths} (Ant patterns) are in flight at once; with {@code scope: SERVICE}, that many per {@code
 * /api/<service>} (one slow service does not hold up the others). A request over the bound waits at most {@code
 * patience} (default 150 ms; up to {@code concurrency} requests may wait) for a permit to come back, then is refused. A
 * request belongs to the lane with the most specific (longest) matching pattern.
 */
@EachProperty("endow.gateway.admission")
public record AdmissionProperties(
        @Parameter String name,
        List<String> paths,
        int concurrency,
        @Bindable(defaultValue = "LANE") Scope scope,
        @Bindable(defaultValue = "150ms") Duration patience) {

    /** What one limit counts: the whole lane, or each service under it. */
    public enum Scope {
        LANE,
        SERVICE
    }

    public AdmissionProperties {
        if (concurrency <= 0) {
            throw new IllegalArgumentException("endow.gateway.admission." + name + ".concurrency must be positive");
        }
        scope = scope == null ? Scope.LANE : scope;
        patience = patience == null || patience.isNegative() ? Duration.ZERO : patience;
        paths = List.copyOf(paths == null ? List.of() : paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException(
                    "endow.gateway.admission." + name + ".paths must name at least one path");
        }
    }
}
