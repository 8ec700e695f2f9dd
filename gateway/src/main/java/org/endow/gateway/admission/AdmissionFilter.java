package org.endow.gateway.admission;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.endow.gateway.ratelimit.RateLimitFilter;
import org.endow.gateway.ratelimit.Refusal;
import org.endow.gateway.routing.PathPattern;
import org.endow.gateway.routing.RouteProperties;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admission control (issue #8): a concurrency limit per lane — the Stripe webhooks, each service's API, the portal
 * pages — that answers {@code 503} with {@code Retry-After: 1} when the lane is full (after a short, bounded wait for
 * a permit, which absorbs bursts below saturation). Under overload the
 * gateway then serves what it can in time instead of queueing everything until every client times out, and a slow
 * lane (pages that call three services) does not hold up the others (the JSON API, payments). Runs right after the
 * per-address rate limits and before authentication: a refused request costs no token check and no upstream call.
 * Health probes and static files are never refused.
 */
@Filter("/**")
class AdmissionFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionFilter.class);
    private static final List<PathPattern> NEVER_REFUSED =
            PathPattern.all(List.of("/health/**", "/static/**", "/favicon.ico"));

    /** The gateway's own API ({@code /api/auth}, {@code /api/accounts}); with the routes, every known service. */
    private static final Set<String> GATEWAY_OWN = Set.of("auth", "accounts");

    private final List<AdmissionProperties> lanes;
    /** Each lane's paths, read once. */
    private final List<List<PathPattern>> lanePaths;

    private final Set<String> services;
    private final ConcurrencyLimits limits = new ConcurrencyLimits();

    AdmissionFilter(List<AdmissionProperties> lanes, List<RouteProperties> routes) {
        this.lanes = List.copyOf(lanes);
        this.lanePaths =
                this.lanes.stream().map(lane -> PathPattern.all(lane.paths())).toList();
        Set<String> services = new HashSet<>(GATEWAY_OWN);
        routes.forEach(route -> services.add(route.name()));
        this.services = Set.copyOf(services);
        for (AdmissionProperties lane : lanes) {
            LOG.info(
                    "Admission lane {}: at most {} requests in flight{} on {}",
                    lane.name(),
                    lane.concurrency(),
                    lane.scope() == AdmissionProperties.Scope.SERVICE ? " per service" : "",
                    lane.paths());
        }
    }

    @Override
    public int getOrder() {
        return RateLimitFilter.ORDER + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        // the path the router will match: /signin/ is /signin, and takes a permit of the passwords lane
        String path = PathPattern.routed(request.getPath());
        if (matches(NEVER_REFUSED, path)) {
            return chain.proceed(request);
        }
        AdmissionProperties lane = laneOf(path);
        if (lane == null) {
            return chain.proceed(request);
        }
        String key = keyOf(lane, path);
        if (limits.tryAcquireQuietly(key, lane.concurrency())) {
            return admitted(request, chain, key);
        }
        if (lane.patience().isZero() || !limits.tryWait(key, lane.concurrency())) {
            return refused(request, key);
        }
        // a burst: wait a little for a permit (polling with a growing pause, never blocking a thread)
        long deadline = System.nanoTime() + lane.patience().toNanos();
        int limit = lane.concurrency();
        // the permit is taken in the same step that subscribes to the request (which releases it however it ends)
        return awaitRoom(key, limit, deadline, 2)
                .doFinally(signal -> limits.stopWaiting(key))
                .flatMapMany(room -> room && limits.tryAcquireQuietly(key, limit)
                        ? admitted(request, chain, key)
                        : refused(request, key));
    }

    /** Whether the lane had room again before the deadline; looks without taking a permit. */
    private Mono<Boolean> awaitRoom(String key, int limit, long deadline, long pauseMillis) {
        return Mono.delay(Duration.ofMillis(pauseMillis)).flatMap(tick -> {
            if (limits.inFlight(key) < limit) {
                return Mono.just(true);
            }
            if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                return Mono.just(false);
            }
            return awaitRoom(key, limit, deadline, Math.min(pauseMillis * 2, 40));
        });
    }

    private Publisher<MutableHttpResponse<?>> admitted(HttpRequest<?> request, ServerFilterChain chain, String key) {
        AtomicBoolean released = new AtomicBoolean();
        return Flux.from(chain.proceed(request)).doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                limits.release(key);
            }
        });
    }

    private Mono<MutableHttpResponse<?>> refused(HttpRequest<?> request, String key) {
        limits.refused(key);
        return Mono.just(Refusal.of(
                request,
                HttpStatus.SERVICE_UNAVAILABLE,
                1,
                "Endow is busy",
                "Endow is serving as many requests of this kind as it can; nothing was done. Try again in 1 s."));
    }

    /** Overload is logged once per lane every 10 s, never once per refused request. */
    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    void reportRefusals() {
        for (String key : limits.keys()) {
            long refused = limits.drainRefused(key);
            if (refused > 0) {
                LOG.warn(
                        "Admission lane {} was full: {} requests refused with 503 in the last 10 s ({} in flight now)",
                        key,
                        refused,
                        limits.inFlight(key));
            }
        }
    }

    /** The lane whose matching pattern is the longest (the most specific), or none. */
    AdmissionProperties laneOf(String path) {
        AdmissionProperties best = null;
        int bestLength = -1;
        for (int i = 0; i < lanes.size(); i++) {
            for (PathPattern pattern : lanePaths.get(i)) {
                if (pattern.pattern().length() > bestLength && pattern.matches(path)) {
                    best = lanes.get(i);
                    bestLength = pattern.pattern().length();
                }
            }
        }
        return best;
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        return PathPattern.anyMatches(patterns, path);
    }

    /**
     * What the lane's bound counts: the lane, or the lane and the path's service if the gateway knows it; any other
     * name shares one key (no counter per made-up name).
     */
    String keyOf(AdmissionProperties lane, String path) {
        if (lane.scope() != AdmissionProperties.Scope.SERVICE) {
            return lane.name();
        }
        String service = serviceOf(path);
        return lane.name() + ":" + (services.contains(service) ? service : "(unknown)");
    }

    static String serviceOf(String path) {
        String[] parts = path.split("/", 4);
        return parts.length > 2 && path.startsWith("/api/") ? parts[2] : "";
    }
}
