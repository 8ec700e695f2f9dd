package org.endow.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * One upstream service: {@code endow.gateway.routes.<name>.url} (env
 * {@code ENDOW_GATEWAY_ROUTES_<NAME>_URL}) serves {@code /api/<name>/**}.
 */
@EachProperty("endow.gateway.routes")
public record RouteProperties(
        @Parameter String name,
        URI url,
        @Bindable(defaultValue = "2s") Duration connectTimeout,
        @Bindable(defaultValue = "15s") Duration readTimeout) {}
