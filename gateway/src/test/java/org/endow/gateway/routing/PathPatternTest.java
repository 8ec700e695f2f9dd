package org.endow.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.util.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiled patterns answer exactly as Micronaut's Ant matcher, on the configuration's patterns and odd paths. */
class PathPatternTest {

    static final List<String> PATTERNS = List.of(
            "/api/**",
            "/api/donations/stripe/webhook",
            "/api/auth/token",
            "/signin",
            "/health/**",
            "/static/**",
            "/favicon.ico",
            "/api/*/pledges",
            "/api/donations/**/receipt?",
            "/**");

    static final List<String> PATHS = List.of(
            "/",
            "",
            "/api",
            "/api/",
            "/api/donations",
            "/api/donations/pledges",
            "/api/donations/stripe/webhook",
            "/api/donations/stripe/webhook/",
            "/api/donations/stripe/webhooks",
            "/apis",
            "/apix/donations",
            "/API/donations",
            "/api//donations",
            "/api/auth/token",
            "/api/auth/token/x",
            "/signin",
            "/signin/",
            "/signinx",
            "/health",
            "/health/liveness",
            "/healthz",
            "/static/app.css",
            "/static",
            "/favicon.ico",
            "/favicon.icon",
            "/api/funds/pledges",
            "/api/donations/a/b/receipt1",
            "/give");

    @Test
    void answers_as_the_ant_matcher_for_every_pattern_and_path() {
        for (String pattern : PATTERNS) {
            PathPattern compiled = PathPattern.of(pattern);
            for (String path : PATHS) {
                assertEquals(
                        PathMatcher.ANT.matches(pattern, path),
                        compiled.matches(path),
                        () -> pattern + " against '" + path + "'");
            }
        }
    }

    @Test
    void a_prefix_pattern_takes_the_prefix_and_what_lies_below_it_only() {
        PathPattern api = PathPattern.of("/api/**");
        assertTrue(api.matches("/api/donations/pledges"));
        assertFalse(api.matches("/apis"));
        assertTrue(PathPattern.anyMatches(PathPattern.all(List.of("/signin", "/api/**")), "/signin"));
        assertFalse(PathPattern.anyMatches(PathPattern.all(List.of("/signin", "/api/**")), "/give"));
    }

    @Test
    void a_path_is_matched_as_the_router_matches_it_with_one_trailing_slash_dropped() {
        assertEquals("/signin", PathPattern.routed("/signin/"));
        assertEquals("/api/auth/token", PathPattern.routed("/api/auth/token/"));
        assertEquals("/signin", PathPattern.routed("/signin"));
        assertEquals("/", PathPattern.routed("/"));
        assertEquals("/signin/", PathPattern.routed("/signin//"), "the router does not find /signin// (404)");
        assertTrue(PathPattern.of("/signin").matches(PathPattern.routed("/signin/")));
    }
}
