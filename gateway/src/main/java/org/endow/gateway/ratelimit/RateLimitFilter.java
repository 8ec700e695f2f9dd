package org.endow.gateway.ratelimit;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.endow.gateway.routing.ClientAddresses;
import org.endow.gateway.routing.PathPattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits how often one client address may hit sign-in, sign-up and the giving endpoints (credential stuffing,
 * card testing). Runs before authentication and routing, so a refused request costs neither a password hash nor a
 * call to a service. Refusals are 429 with {@code Retry-After}: problem+json for the API, a short page for the portal.
 *
 * <p>The client address is {@link ClientAddresses}': the TCP peer's, unless {@code
 * micronaut.server.client-address-header} names the header in which the proxy in front (and every request must pass
 * it) puts the address it was called from: behind the Kubernetes ingress, where TLS ends, every request comes from the
 * ingress, and all clients would share one bucket. Without the setting no header is believed ({@code X-Forwarded-For}
 * could be sent by any client to get a fresh bucket per request).
 */
@Filter("/**")
public class RateLimitFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    /** First of the gateway's filters: a refused request costs nothing else. */
    public static final int ORDER = ServerFilterPhase.SECURITY.order() - 20;

    private final List<Limit> limits = new ArrayList<>();
    private final ClientAddresses clients;

    RateLimitFilter(List<RateLimitProperties> properties, ClientAddresses clients) {
        this.clients = clients;
        LOG.info(
                "Rate limits count per client address: {}",
                clients.trustedHeader()
                        .map(header -> "the " + header + " header's, set by the proxy in front")
                        .orElse("the TCP peer's (no micronaut.server.client-address-header)"));
        for (RateLimitProperties p : properties) {
            limits.add(new Limit(p, new TokenBuckets(p.requests(), p.per(), System::nanoTime)));
            LOG.info(
                    "Rate limit {}: {} requests per {} per client on {} {}",
                    p.name(),
                    p.requests(),
                    p.per(),
                    p.methods(),
                    p.paths());
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        // the path the router will match: /signin/ is /signin, and is limited as /signin
        String path = PathPattern.routed(request.getPath());
        String method = request.getMethodName().toUpperCase(Locale.ROOT);
        for (Limit limit : limits) {
            if (limit.applies(method, path)) {
                String client = clients.of(request);
                Duration wait = limit.buckets().take(client);
                if (!wait.isZero()) {
                    LOG.warn(
                            "Rate limit {} refused {} {} from {}",
                            limit.properties().name(),
                            method,
                            path,
                            client);
                    return Publishers.just(tooMany(request, limit.properties(), wait));
                }
            }
        }
        return chain.proceed(request);
    }

    private static MutableHttpResponse<?> tooMany(HttpRequest<?> request, RateLimitProperties limit, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String detail = "Too many attempts from your address: at most " + limit.requests() + " per "
                + human(limit.per()) + ". Try again in " + seconds + " s.";
        return Refusal.of(request, HttpStatus.TOO_MANY_REQUESTS, seconds, "Too many attempts", detail);
    }

    private static String human(Duration period) {
        if (period.toSeconds() % 3600 == 0) {
            return period.toHours() == 1 ? "hour" : period.toHours() + " hours";
        }
        if (period.toSeconds() % 60 == 0) {
            return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
        }
        return period.toSeconds() + " seconds";
    }

    private record Limit(RateLimitProperties properties, TokenBuckets buckets, List<PathPattern> paths) {

        Limit(RateLimitProperties properties, TokenBuckets buckets) {
            this(properties, buckets, PathPattern.all(properties.paths()));
        }

        boolean applies(String method, String path) {
            return properties.methods().contains(method) && PathPattern.anyMatches(paths, path);
        }
    }
}
