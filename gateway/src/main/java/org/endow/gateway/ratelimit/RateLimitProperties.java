package org.endow.gateway.ratelimit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * One rate limit: {@code endow.gateway.ratelimits.<name>.*} (one word per name, so that e.g. {@code
 * ENDOW_GATEWAY_RATELIMITS_SIGNIN_REQUESTS} maps to exactly one property). At most {@code requests} requests per
 * {@code per} from one client address to any of {@code paths} (Ant patterns) with one of {@code methods}.
 */
@EachProperty("endow.gateway.ratelimits")
public record RateLimitProperties(
        @Parameter String name,
        List<String> paths,
        @Bindable(defaultValue = "POST") List<String> methods,
        int requests,
        @Bindable(defaultValue = "1m") Duration per) {

    public RateLimitProperties {
        if (requests <= 0) {
            throw new IllegalArgumentException("endow.gateway.ratelimits." + name + ".requests must be positive");
        }
        if (per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("endow.gateway.ratelimits." + name + ".per must be positive");
        }
        paths = List.copyOf(paths == null ? List.of() : paths);
        methods = List.copyOf(methods == null ? List.of("POST") : methods);
    }
}
