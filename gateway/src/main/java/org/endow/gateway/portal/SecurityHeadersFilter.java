package org.endow.gateway.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** Browser hardening on every response: no foreign scripts, no framing, no sniffing, no referrer leaks. */
@Filter("/**")
class SecurityHeadersFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Flux.from(chain.proceed(request)).map(response -> {
            response.getHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                    + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "strict-origin-when-cross-origin")
                    .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                    .set("Cross-Origin-Opener-Policy", "same-origin");
            return response;
        });
    }
}
