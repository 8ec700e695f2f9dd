package org.endow.gateway.routing;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyHttpClientRegistry;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.platform.messaging.Correlation;
import org.endow.platform.problem.Problem;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Sends {@code /api/<service>/**} to the service, path unchanged. Runs after the security filter:
 * a token that verified is forwarded as a bearer token; cookies and unverified credentials never
 * leave the gateway. The client's address goes as {@code X-Forwarded-For}: the one the rate limits count
 * ({@link ClientAddresses}), never what the client wrote in a forwarding header itself. A service that is down
 * answers 502, one that is too slow 504, both as problem+json.
 */
@Filter("/api/**")
@Requires(classes = ProxyHttpClient.class)
class RoutingFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingFilter.class);
    /** Paths the gateway answers itself. */
    private static final Set<String> OWN = Set.of("auth", "accounts");

    private static final List<String> HOP_BY_HOP = List.of(
            HttpHeaders.CONNECTION,
            "Keep-Alive",
            "Proxy-Connection",
            HttpHeaders.PROXY_AUTHORIZATION,
            HttpHeaders.TE,
            HttpHeaders.UPGRADE,
            "HTTP2-Settings");
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "host");
    /**
     * Headers in which a proxy tells where a request came from. The client may have written any of them: they are
     * dropped, and the gateway sets {@code X-Forwarded-For} and {@code X-Forwarded-Proto} itself.
     */
    private static final List<String> FORWARDING = List.of(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Proto",
            "X-Forwarded-Prefix",
            "X-Real-IP",
            "X-Client-IP");

    private final Map<String, Upstream> upstreams = new HashMap<>();

    private final long maxRequestSize;
    private final ClientAddresses clients;

    /**
     * Each route's client comes from the context's client registry, so it runs on the server's own event loops:
     * a proxied request is sent and its answer read on the loop that received it (the pool prefers a
     * connection of the same loop), with no hand-off to a separate client thread and back. The registry closes
     * the clients when the context stops.
     */
    RoutingFilter(
            List<RouteProperties> routes,
            io.micronaut.http.server.HttpServerConfiguration server,
            ProxyHttpClientRegistry<?> clients,
            BeanContext context,
            ClientAddresses addresses) {
        this.maxRequestSize = server.getMaxRequestSize();
        this.clients = addresses;
        for (RouteProperties route : routes) {
            DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
            config.setConnectTimeout(route.connectTimeout());
            config.setReadTimeout(route.readTimeout());
            config.setFollowRedirects(false);
            try {
                route.url().toURL(); // refuses what is not a URL (no scheme, an unknown protocol)
                LoadBalancer upstream = LoadBalancer.fixed(route.url());
                upstreams.put(
                        route.name(),
                        new Upstream(route, clients.resolveProxyHttpClient(null, upstream, config, context)));
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException(
                        "endow.gateway.routes." + route.name() + ".url is not a URL: " + route.url(), e);
            }
            LOG.info("Route /api/{}/** -> {}", route.name(), route.url());
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String service = serviceOf(request.getPath());
        if (service == null || OWN.contains(service)) {
            return chain.proceed(request);
        }
        Upstream upstream = upstreams.get(service);
        if (upstream == null) {
            return Publishers.just(problem(request, HttpStatus.NOT_FOUND, "No service '" + service + "'"));
        }
        // a streamed body is not checked against the limit until it is read: refuse a declared oversize up front
        if (request.getContentLength() > maxRequestSize) {
            return Publishers.just(problem(
                    request,
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + maxRequestSize / 1024 + " KiB"));
        }
        String correlation = Optional.ofNullable(request.getHeaders().get(Correlation.HEADER))
                .filter(Correlation::isAcceptable)
                .orElseGet(() -> UUID.randomUUID().toString());
        // read the credentials first: the mutable view below shares the original request's headers
        Optional<String> token = verifiedToken(request);
        String client = clients.of(request);
        MutableHttpRequest<?> forwarded =
                request.mutate().uri(target(upstream.route().url(), request.getUri()));
        dropHopByHop(request, forwarded);
        var headers = forwarded.getHeaders();
        FORWARDING.forEach(headers::remove);
        clients.trustedHeader().ifPresent(headers::remove);
        headers.remove(HttpHeaders.COOKIE)
                .remove(HttpHeaders.AUTHORIZATION)
                .remove(HttpHeaders.HOST)
                .set(Correlation.HEADER, correlation)
                .set("X-Forwarded-For", client)
                .set("X-Forwarded-Proto", request.isSecure() ? "https" : "http");
        token.ifPresent(verified -> forwarded.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + verified));
        Flux<MutableHttpResponse<?>> proxied =
                Flux.from(upstream.client().proxy(forwarded)).map(response -> withCorrelation(response, correlation));
        return proxied.onErrorResume(error -> Flux.just(failure(request, service, error)));
    }

    /**
     * Headers meant for the connection to the gateway (RFC 9110, 7.6.1), not for the service: those the
     * {@code Connection} header names and the ones that are hop-by-hop by definition. The client's
     * {@code Upgrade: h2c} would otherwise ask the service to switch the gateway's pooled connection to
     * HTTP/2, and {@code Proxy-Authorization} is the client's credential for a proxy in between. The body's
     * framing (Content-Length, Transfer-Encoding) is the HTTP client's to set.
     */
    private static void dropHopByHop(HttpRequest<?> request, MutableHttpRequest<?> forwarded) {
        List<String> named = new ArrayList<>();
        for (String value : request.getHeaders().getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (!name.isEmpty() && !FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                    named.add(name);
                }
            }
        }
        var headers = forwarded.getHeaders();
        named.forEach(headers::remove);
        HOP_BY_HOP.forEach(headers::remove);
    }

    private static MutableHttpResponse<?> withCorrelation(MutableHttpResponse<?> response, String correlation) {
        response.getHeaders().set(Correlation.HEADER, correlation);
        return response;
    }

    /** The token the security filter verified (the only one it looked at), if the caller is authenticated. */
    private static Optional<String> verifiedToken(HttpRequest<?> request) {
        return SessionTokens.verified(request);
    }

    private MutableHttpResponse<?> failure(HttpRequest<?> request, String service, Throwable error) {
        if (error instanceof ReadTimeoutException || hasCause(error, java.util.concurrent.TimeoutException.class)) {
            LOG.warn("{} timed out on {} {}", service, request.getMethod(), request.getPath());
            return problem(
                    request, HttpStatus.GATEWAY_TIMEOUT, "Service " + service + " did not answer in time; retry later");
        }
        LOG.warn("{} unavailable for {} {}: {}", service, request.getMethod(), request.getPath(), error.toString());
        return problem(request, HttpStatus.BAD_GATEWAY, "Service " + service + " is unavailable; retry later");
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static MutableHttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, String detail) {
        return HttpResponse.status(status)
                .contentType(Problem.MEDIA_TYPE)
                .body(new Problem(
                        "about:blank", status.getReason(), status.getCode(), detail, request.getPath(), List.of()));
    }

    static String serviceOf(String path) {
        if (!path.startsWith("/api/")) {
            return null;
        }
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? rest : rest.substring(0, slash);
        return service.isEmpty() ? null : service;
    }

    static URI target(URI base, URI original) {
        String query = original.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + original.getRawPath()
                + (query == null ? "" : "?" + query));
    }

    private record Upstream(RouteProperties route, ProxyHttpClient client) {}
}
