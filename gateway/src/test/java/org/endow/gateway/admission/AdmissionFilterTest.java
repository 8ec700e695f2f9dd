package org.endow.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.ServerFilterChain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AdmissionFilterTest {

    @Test
    void a_trailing_slash_takes_a_permit_of_the_lane_its_route_belongs_to() {
        AdmissionFilter filter = new AdmissionFilter(
                List.of(
                        new AdmissionProperties(
                                "passwords",
                                List.of("/api/auth/token", "/signin"),
                                1,
                                AdmissionProperties.Scope.LANE,
                                Duration.ZERO),
                        new AdmissionProperties(
                                "pages", List.of("/**"), 100, AdmissionProperties.Scope.LANE, Duration.ZERO)),
                List.of());
        // a password check in progress holds the lane's one permit
        ServerFilterChain hashing = request -> Flux.never();
        Flux.from(filter.doFilter(HttpRequest.POST("/signin", ""), hashing)).subscribe();

        ServerFilterChain answered = request -> Mono.just(HttpResponse.ok());
        for (String path : List.of("/signin/", "/api/auth/token/")) {
            MutableHttpResponse<?> response = Mono.from(filter.doFilter(HttpRequest.POST(path, ""), answered))
                    .block(Duration.ofSeconds(5));
            assertEquals(503, response.code(), path + " is a password check too: the lane is full");
        }
    }
}
