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

    private final String policy;

    SecurityHeadersFilter(CheckoutOrigins checkout) {
        // a form's redirect counts as its action: the donate form may lead to the hosted checkout, nowhere else
        String formTargets = checkout.checkoutOrigins().stream()
                .map(String::strip)
                .filter(origin -> origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?"))
                .reduce("'self'", (a, b) -> a + " " + b);
        this.policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';" + " form-action "
                + formTargets + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Flux.from(chain.proceed(request)).map(response -> {
            response.getHeaders()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "strict-origin-when-cross-origin")
                    .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                    .set("Cross-Origin-Opener-Policy", "same-origin");
            return response;
        });
    }
}
