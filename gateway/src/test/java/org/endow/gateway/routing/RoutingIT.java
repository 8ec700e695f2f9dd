package org.endow.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.Role;
import org.endow.gateway.accounts.model.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway against stub upstreams: what it forwards, what it strips, how it fails. */
class RoutingIT {

    static HttpServer upstream;
    static EmbeddedServer gateway;
    static final Map<String, Map<String, List<String>>> seen = new ConcurrentHashMap<>();
    /** Permits for the stub's held answers: each request waits for one (at most 10 s), then answers 204. */
    static final Semaphore release = new Semaphore(0);

    static final Semaphore heldArrived = new Semaphore(0);
    static final Semaphore heldRelease = new Semaphore(0);
    static final Semaphore burstArrived = new Semaphore(0);
    static final Semaphore burstRelease = new Semaphore(0);
    static final HttpClient http = HttpClient.newHttpClient();
    static String token;
    /** The gateway's configuration, for a second gateway set up differently. */
    static Map<String, Object> properties;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/api/echo", exchange -> {
            seen.put(exchange.getRequestURI().toString(), new HashMap<>(exchange.getRequestHeaders()));
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.createContext("/api/slow", heldUntilReleased(new Semaphore(0), release));
        upstream.createContext("/api/held", heldUntilReleased(heldArrived, heldRelease));
        upstream.createContext("/api/burst", heldUntilReleased(burstArrived, burstRelease));
        upstream.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        upstream.start();
        String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();

        Database db = TestInfra.get().freshDatabase("gateway_routing");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "routing test admin password");
        p.put("endow.gateway.routes.echo.url", upstreamUrl);
        p.put("endow.gateway.routes.slow.url", upstreamUrl);
        p.put("endow.gateway.routes.slow.read-timeout", "1s");
        p.put("endow.gateway.routes.down.url", "http://127.0.0.1:" + closedPort());
        p.put("endow.gateway.ratelimits.probe.paths", List.of("/api/echo/limited/**"));
        p.put("endow.gateway.ratelimits.probe.requests", 3);
        p.put("endow.gateway.ratelimits.probe.per", "1h");
        p.put("endow.gateway.ratelimits.page.paths", List.of("/limited-page"));
        p.put("endow.gateway.ratelimits.page.requests", 1);
        p.put("endow.gateway.ratelimits.page.per", "1h");
        p.put("endow.gateway.routes.held.url", upstreamUrl);
        p.put("endow.gateway.admission.held.paths", List.of("/api/held/**", "/held-page"));
        p.put("endow.gateway.admission.held.concurrency", 2);
        p.put("endow.gateway.routes.burst.url", upstreamUrl);
        p.put("endow.gateway.admission.burst.paths", List.of("/api/burst/**"));
        p.put("endow.gateway.admission.burst.concurrency", 1);
        p.put("endow.gateway.admission.burst.patience", "2s");
        p.put("micronaut.server.port", -1);
        properties = Map.copyOf(p);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
        Account ada = Account.open(
                AccountId.random(),
                new Email("ada@example.org"),
                "Ada",
                "unused",
                java.util.EnumSet.of(Role.DONOR),
                java.time.Instant.now());
        token = gateway.getApplicationContext().getBean(SessionTokens.class).issue(ada);
    }

    /**
     * Tells {@code arrived}, waits for a permit of {@code release} (at most 10 s), answers 204; 500 if no permit came
     * (so a test that expects 204 sees a request that was not released, rather than one served after 10 s).
     */
    static HttpHandler heldUntilReleased(Semaphore arrived, Semaphore release) {
        return exchange -> {
            arrived.release();
            boolean released;
            try {
                released = release.tryAcquire(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                released = false;
            }
            exchange.sendResponseHeaders(released ? 204 : 500, -1);
            exchange.close();
        };
    }

    @AfterAll
    static void stop() {
        release.release(1_000);
        heldRelease.release(1_000);
        burstRelease.release(1_000);
        if (gateway != null) {
            gateway.getApplicationContext().close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void forwards_the_path_and_query_unchanged_with_the_verified_token_and_a_correlation_id() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/echo/things/42?page=2&q=a%20b"))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", "endow_session=" + token + "; other=secret")
                .header("X-Correlation-Id", "client-correlation-1")
                .GET());

        assertEquals(200, response.statusCode(), response.body());
        Map<String, List<String>> headers = seen.get("/api/echo/things/42?page=2&q=a%20b");
        assertEquals(List.of("Bearer " + token), headers.get("Authorization"));
        assertNull(headers.get("Cookie"), "cookies never leave the gateway");
        assertEquals(List.of("client-correlation-1"), headers.get("X-correlation-id"));
        assertEquals(
                "client-correlation-1",
                response.headers().firstValue("X-Correlation-Id").orElseThrow());
    }

    @Test
    void the_session_cookie_is_turned_into_a_bearer_token() throws Exception {
        send(HttpRequest.newBuilder(url("/api/echo/cookie"))
                .header("Cookie", "endow_session=" + token)
                .GET());

        assertEquals(List.of("Bearer " + token), seen.get("/api/echo/cookie").get("Authorization"));
    }

    @Test
    void a_token_the_gateway_did_not_sign_is_not_forwarded() throws Exception {
        String forged = token.substring(0, token.lastIndexOf('.')) + ".AAAA";
        send(HttpRequest.newBuilder(url("/api/echo/forged"))
                .header("Authorization", "Bearer " + forged)
                .header("X-Correlation-Id", "bad id; with <script> and spaces")
                .GET());

        Map<String, List<String>> headers = seen.get("/api/echo/forged");
        assertNull(headers.get("Authorization"));
        // the replacement is a fresh random UUID (which may well contain the hex digits "bad")
        List<String> forwarded = headers.get("X-correlation-id");
        assertEquals(1, forwarded.size(), "an unacceptable id is replaced: " + headers);
        UUID.fromString(forwarded.getFirst());
    }

    @Test
    void hop_by_hop_headers_stay_at_the_gateway() throws Exception {
        // a raw request: java.net.http refuses to send Connection, Upgrade and their kin itself
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /api/echo/hop HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1\r\n"
                                    + "Connection: Upgrade, HTTP2-Settings, X-Hop, close\r\n"
                                    + "Upgrade: h2c\r\n"
                                    + "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n"
                                    + "X-Hop: for the gateway only\r\n"
                                    + "Keep-Alive: timeout=5\r\n"
                                    + "Proxy-Authorization: Basic dXNlcjpwYXNz\r\n"
                                    + "TE: trailers\r\n"
                                    + "X-End-To-End: kept\r\n"
                                    + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status);
        }
        Map<String, List<String>> headers = seen.get("/api/echo/hop");
        for (String hop : List.of("Upgrade", "Http2-settings", "X-hop", "Keep-alive", "Proxy-authorization", "Te")) {
            assertNull(headers.get(hop), hop + " must not be forwarded: " + headers);
        }
        assertEquals(List.of("kept"), headers.get("X-end-to-end"));
    }

    @Test
    void forwarding_headers_the_client_wrote_are_not_passed_on_as_if_a_proxy_had_set_them() throws Exception {
        send(HttpRequest.newBuilder(url("/api/echo/spoofed"))
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Real-IP", "203.0.113.10")
                .header("Forwarded", "for=203.0.113.11;proto=https")
                .header("X-Forwarded-Host", "evil.example")
                .GET());

        Map<String, List<String>> headers = seen.get("/api/echo/spoofed");
        // no client-address-header configured: the client is the TCP peer, as for the rate limits
        assertEquals(List.of("127.0.0.1"), headers.get("X-forwarded-for"), headers.toString());
        assertEquals(List.of("http"), headers.get("X-forwarded-proto"));
        for (String spoofed : List.of("X-real-ip", "Forwarded", "X-forwarded-host")) {
            assertNull(headers.get(spoofed), spoofed + " must not be forwarded: " + headers);
        }
    }

    @Test
    void behind_the_ingress_the_service_is_told_the_client_address_the_rate_limits_count() throws Exception {
        Map<String, Object> proxied = new HashMap<>(properties);
        proxied.put("micronaut.server.client-address-header", "X-Real-IP");
        proxied.put("endow.gateway.ratelimits.probe.requests", 1);
        try (ApplicationContext context = ApplicationContext.run(proxied)) {
            EmbeddedServer behindIngress = context.getBean(EmbeddedServer.class).start();
            URI base = URI.create("http://127.0.0.1:" + behindIngress.getPort());

            HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/echo/limited/ingress"))
                    .header("X-Real-IP", "203.0.113.7")
                    .header("X-Forwarded-For", "198.51.100.99")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertEquals(200, response.statusCode(), response.body());
            Map<String, List<String>> headers = seen.get("/api/echo/limited/ingress");
            assertEquals(List.of("203.0.113.7"), headers.get("X-forwarded-for"), headers.toString());
            assertNull(headers.get("X-real-ip"), headers.toString());
            // the address the service was told is the one the limit counted: the same client is now refused
            assertEquals(
                    429,
                    send(HttpRequest.newBuilder(base.resolve("/api/echo/limited/ingress"))
                                    .header("X-Real-IP", "203.0.113.7")
                                    .POST(HttpRequest.BodyPublishers.noBody()))
                            .statusCode());
        }
    }

    @Test
    void a_service_that_is_down_is_a_502_problem() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/api/down/anything")).GET());

        assertEquals(502, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("Service down is unavailable"), response.body());
    }

    @Test
    void a_service_that_is_too_slow_is_a_504_problem() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/api/slow/anything")).GET());

        assertEquals(504, response.statusCode(), response.body());
        assertTrue(response.body().contains("did not answer in time"), response.body());
    }

    @Test
    void an_unknown_service_is_a_404_problem() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/api/nowhere/x")).GET());

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("No service 'nowhere'"), response.body());
    }

    @Test
    void the_gateway_api_answers_problems_naming_fields() throws Exception {
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(url("/api/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":")));
        assertEquals(400, malformed.statusCode(), malformed.body());

        HttpResponse<String> invalid = send(HttpRequest.newBuilder(url("/api/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"nope\",\"displayName\":\"N\",\"password\":\"short\"}")));
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertTrue(invalid.body().contains("\"field\":\"email\""), invalid.body());
        assertTrue(invalid.body().contains("\"field\":\"password\""), invalid.body());

        HttpResponse<String> wrong = send(HttpRequest.newBuilder(url("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"admin@endow.local\",\"password\":\"not the password\"}")));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("\"errors\":[]"), "an empty list is sent, not left out: " + wrong.body());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> admin = send(HttpRequest.newBuilder(url("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"admin@endow.local\",\"password\":\"routing test admin password\"}")));
        assertEquals(200, admin.statusCode(), admin.body());
    }

    @Test
    void a_staff_account_uses_its_staff_role_only_after_setting_up_two_factor_sign_in() throws Exception {
        String email = "staff-" + java.util.UUID.randomUUID() + "@example.org";
        String password = "a staff member's long passphrase";
        HttpResponse<String> signedUp = send(HttpRequest.newBuilder(url("/api/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"%s\",\"displayName\":\"Staff\",\"password\":\"%s\"}"
                                .formatted(email, password))));
        assertEquals(201, signedUp.statusCode(), signedUp.body());
        String id = signedUp.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        gateway.getApplicationContext()
                .getBean(org.endow.gateway.accounts.application.GrantingRoles.class)
                .grant("test-admin", new AccountId(java.util.UUID.fromString(id)), java.util.Set.of("DONOR", "STAFF"));

        String first = tokenFor(email, password, null);
        String me = send(HttpRequest.newBuilder(url("/api/auth/me"))
                        .header("Authorization", "Bearer " + first)
                        .GET())
                .body();
        assertTrue(me.contains("\"roles\":[\"DONOR\"]"), me);
        assertTrue(me.contains("\"secondFactorRequired\":true"), me);

        String enrolment = send(HttpRequest.newBuilder(url("/api/auth/mfa/enrolment"))
                        .header("Authorization", "Bearer " + first)
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .body();
        byte[] secret = Totp.fromBase32(enrolment.replaceAll(".*\"secret\":\"([A-Z2-7]+)\".*", "$1"));
        long step = Totp.step(java.time.Instant.now());
        HttpResponse<String> confirmed = send(HttpRequest.newBuilder(url("/api/auth/mfa/enrolment/confirm"))
                .header("Authorization", "Bearer " + first)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + Totp.code(secret, step) + "\"}")));
        assertEquals(204, confirmed.statusCode(), confirmed.body());

        HttpResponse<String> withoutCode = send(tokenRequest(email, password, null));
        assertEquals(401, withoutCode.statusCode());
        assertTrue(withoutCode.body().contains("\"field\":\"code\""), withoutCode.body());
        // the confirming code is used up; the next step's code is within the accepted drift
        String second = tokenFor(email, password, Totp.code(secret, step + 1));
        String after = send(HttpRequest.newBuilder(url("/api/auth/me"))
                        .header("Authorization", "Bearer " + second)
                        .GET())
                .body();
        assertTrue(after.contains("\"roles\":[\"DONOR\",\"STAFF\"]"), after);
        assertTrue(after.contains("\"secondFactor\":true"), after);
    }

    private static HttpRequest.Builder tokenRequest(String email, String password, String code) {
        String body = code == null
                ? "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)
                : "{\"email\":\"%s\",\"password\":\"%s\",\"code\":\"%s\"}".formatted(email, password, code);
        return HttpRequest.newBuilder(url("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String tokenFor(String email, String password, String code) throws Exception {
        HttpResponse<String> response = send(tokenRequest(email, password, code));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void a_client_over_its_rate_limit_gets_429_with_retry_after_and_nothing_reaches_the_service() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> allowed = send(
                    HttpRequest.newBuilder(url("/api/echo/limited/" + i)).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, allowed.statusCode(), allowed.body());
        }

        HttpResponse<String> refused =
                send(HttpRequest.newBuilder(url("/api/echo/limited/3")).POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(429, refused.statusCode());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(refused.body().contains("at most 3 per hour"), refused.body());
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 1000 && retryAfter <= 1200, "one token comes back after 20 minutes: " + retryAfter);
        assertNull(seen.get("/api/echo/limited/3"), "a refused request is not forwarded");
        // other methods and paths are not limited
        assertEquals(
                200,
                send(HttpRequest.newBuilder(url("/api/echo/limited/4")).GET()).statusCode());
        assertEquals(
                200,
                send(HttpRequest.newBuilder(url("/api/echo/unlimited")).POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode());
    }

    @Test
    void a_full_lane_refuses_at_once_with_503_and_retry_after_and_other_lanes_are_served() throws Exception {
        var first = http.sendAsync(
                HttpRequest.newBuilder(url("/api/held/1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        var second = http.sendAsync(
                HttpRequest.newBuilder(url("/api/held/2")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(heldArrived.tryAcquire(2, 10, TimeUnit.SECONDS), "both held requests reached the service");

        long started = System.nanoTime();
        HttpResponse<String> refused =
                send(HttpRequest.newBuilder(url("/api/held/3")).GET());
        long refusedInMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(503, refused.statusCode());
        assertTrue(refusedInMillis >= 100, "waited for a permit first (patience 150 ms): " + refusedInMillis + " ms");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(refused.body().contains("nothing was done"), refused.body());
        assertTrue(refusedInMillis < 5_000, "refused soon, not after the service answered: " + refusedInMillis + " ms");
        assertEquals(0, heldArrived.availablePermits(), "the refused request never reached the service");
        // a browser asking for a page of a full lane gets a page that says so, in words
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/held-page"))
                .header("Accept", "text/html")
                .GET());
        assertEquals(503, page.statusCode());
        assertEquals("1", page.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<h1>Endow is busy</h1>"), page.body());
        assertTrue(page.body().contains("nothing was done. Try again in 1 s."), page.body());
        assertTrue(page.body().contains("href=\"/held-page\""), "a link to try again: " + page.body());
        // a made-up service name is not a lane of its own (it shares one key, and gets its 404)
        assertEquals(
                404,
                send(HttpRequest.newBuilder(url("/api/made-up-" + System.nanoTime() + "/x"))
                                .GET())
                        .statusCode());
        // another lane (another service's API) is not held up
        assertEquals(
                200,
                send(HttpRequest.newBuilder(url("/api/echo/meanwhile")).GET()).statusCode());

        heldRelease.release(1_000);
        assertEquals(204, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(204, second.get(10, TimeUnit.SECONDS).statusCode());
        // the permits came back: the lane serves again, twice over
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    204,
                    send(HttpRequest.newBuilder(url("/api/held/again-" + i)).GET())
                            .statusCode());
        }
    }

    @Test
    void a_request_over_the_bound_waits_briefly_and_is_served_when_a_permit_comes_back() throws Exception {
        var held = http.sendAsync(
                HttpRequest.newBuilder(url("/api/burst/held")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(burstArrived.tryAcquire(10, TimeUnit.SECONDS));
        // the lane (one permit, 2 s patience) is full: this one waits, and does not reach the upstream meanwhile
        var waiting = http.sendAsync(
                HttpRequest.newBuilder(url("/api/burst/waiting")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(
                burstArrived.tryAcquire(500, TimeUnit.MILLISECONDS),
                "the request over the bound was forwarded while the lane's only permit was held");
        assertFalse(waiting.isDone(), "the request over the bound waits (not refused at once)");

        // the held one ends: its permit comes back and the waiting one is forwarded
        burstRelease.release(1);
        assertEquals(204, held.get(10, TimeUnit.SECONDS).statusCode());
        assertTrue(burstArrived.tryAcquire(10, TimeUnit.SECONDS), "forwarded once the permit came back");
        burstRelease.release(1);
        assertEquals(204, waiting.get(10, TimeUnit.SECONDS).statusCode(), "served after waiting, not refused");
    }

    @Test
    void a_portal_form_over_its_rate_limit_gets_a_readable_page() throws Exception {
        send(HttpRequest.newBuilder(url("/limited-page"))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));

        HttpResponse<String> refused = send(HttpRequest.newBuilder(url("/limited-page"))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertEquals(429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(refused.body().contains("Too many attempts from your address"), refused.body());
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/signin")).GET());

        assertEquals(200, page.statusCode());
        assertTrue(page.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow()
                .contains("frame-ancestors 'none'"));
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(
                page.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.toLowerCase(java.util.Locale.ROOT))
                        .anyMatch(c -> c.startsWith("endow_csrf=")
                                && c.contains("httponly")
                                && c.contains("secure")
                                && c.contains("samesite=strict")),
                page.headers().allValues("Set-Cookie").toString());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + gateway.getPort() + path);
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
