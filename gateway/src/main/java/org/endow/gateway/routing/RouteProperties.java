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
        @Bindable(defaultValue = "15s") Duration readTimeout) {

    /**
     * An HTTP client for the service routed as {@code name}, for the portal's calls on a person's behalf.
     *
     * @return null when no such route is configured (the portal then shows the feature as unavailable)
     */
    public static io.micronaut.http.client.HttpClient clientFor(java.util.List<RouteProperties> routes, String name) {
        for (RouteProperties route : routes) {
            if (route.name().equals(name)) {
                try {
                    return io.micronaut.http.client.HttpClient.create(
                            route.url().toURL());
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException("bad " + name + " route " + route.url(), e);
                }
            }
        }
        return null;
    }
}
