package org.endow.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rate limits of application.yml against the gateway's real routes, as a client would reach them. */
class RateLimitIT {

    static final HttpClient http = HttpClient.newHttpClient();
    /** As shipped: the client is the TCP peer. */
    static EmbeddedServer gateway;
    /** As deployed behind ingress-nginx, which sets X-Real-IP to the address it was called from. */
    static EmbeddedServer behindProxy;

    @BeforeAll
    static void start() {
        gateway = ApplicationContext.run(EmbeddedServer.class, properties("gateway_ratelimits"));
        Map<String, Object> proxied = properties("gateway_ratelimits_proxied");
        proxied.put("micronaut.server.client-address-header", "X-Real-IP");
        behindProxy = ApplicationContext.run(EmbeddedServer.class, proxied);
    }

    @AfterAll
    static void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] {gateway, behindProxy}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
    }

    static Map<String, Object> properties(String database) {
        Database db = TestInfra.get().freshDatabase(database);
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "rate limit test admin password");
        p.put("micronaut.server.port", -1);
        p.put("endow.gateway.ratelimits.probe.paths", List.of("/probe"));
        p.put("endow.gateway.ratelimits.probe.requests", 2);
        p.put("endow.gateway.ratelimits.probe.per", "1h");
        return p;
    }

    @Test
    void a_trailing_slash_reaches_the_same_route_and_counts_against_the_same_limit() throws Exception {
        // the router serves POST /signin/ as /signin (a 403 here: no CSRF token), so the limit must count it
        assertLimited(10, List.of("/signin/", "/api/auth/token/"), List.of("/signin", "/api/auth/token"));
        assertLimited(10, List.of("/signup/", "/api/auth/signup/"), List.of("/signup", "/api/auth/signup"));
        assertLimited(20, List.of("/give/", "/api/donations/pledges/"), List.of("/give", "/api/donations/pledges"));
    }

    @Test
    void other_spellings_of_a_limited_path_reach_no_route() throws Exception {
        // PathPattern.routed drops one trailing slash only: were the router to take any of these for /signin or
        // /api/auth/token, they would be served past the limits
        for (String path : List.of(
                "/signin//",
                "//signin",
                "/SIGNIN",
                "/Signin/",
                "/sign%69n",
                "/signin;x",
                "/api//auth/token",
                "/api/auth/Token",
                "/api/auth/token%2F")) {
            assertEquals(404, post(path).statusCode(), path);
        }
    }

    @Test
    void behind_a_proxy_that_sets_x_real_ip_each_client_has_its_own_bucket() throws Exception {
        // every request comes from the proxy's address: without the header each client would share its bucket
        for (int i = 0; i < 2; i++) {
            assertNotEquals(
                    429, post(behindProxy, "/probe", "X-Real-IP", "203.0.113.7").statusCode());
        }
        assertEquals(
                429, post(behindProxy, "/probe", "X-Real-IP", "203.0.113.7").statusCode());

        assertNotEquals(
                429,
                post(behindProxy, "/probe", "X-Real-IP", "203.0.113.8").statusCode(),
                "another client behind the same proxy has its own bucket");
        assertNotEquals(
                429,
                post(behindProxy, "/probe", "X-Forwarded-For", "203.0.113.7").statusCode(),
                "only the configured header names the client: without it, the proxy's address does");
    }

    @Test
    void without_the_setting_no_header_names_the_client() throws Exception {
        // a client could send any of these to get a fresh bucket per request
        assertNotEquals(
                429, post(gateway, "/probe", "X-Real-IP", "198.51.100.1").statusCode());
        assertNotEquals(
                429, post(gateway, "/probe", "X-Forwarded-For", "198.51.100.2").statusCode());
        assertEquals(
                429, post(gateway, "/probe", "Forwarded", "for=198.51.100.3").statusCode());
        assertEquals(429, post(gateway, "/probe", "X-Real-IP", "198.51.100.4").statusCode());
    }

    /** {@code requests} POSTs cycling through {@code spent} pass; then each of {@code spent} and {@code same} is 429. */
    static void assertLimited(int requests, List<String> spent, List<String> same) throws Exception {
        for (int i = 0; i < requests; i++) {
            String path = spent.get(i % spent.size());
            assertNotEquals(429, post(path).statusCode(), path + " #" + (i + 1) + " is within the limit");
        }
        for (String path : spent) {
            assertEquals(429, post(path).statusCode(), path + " is over the limit");
        }
        for (String path : same) {
            assertEquals(429, post(path).statusCode(), path + " shares the limit of its trailing-slash form");
        }
    }

    static HttpResponse<String> post(String path) throws Exception {
        return post(gateway, path, "X-Test", "-");
    }

    static HttpResponse<String> post(EmbeddedServer server, String path, String header, String value) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                        .header(header, value)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=a%40example.org&password=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
