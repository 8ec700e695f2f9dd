package org.endow.gateway.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' page of dead letters and failed mails, against a stub service's operations API. */
class StaffOperationsPageIT {

    static final String CSRF = "csrf-token-of-the-test-at-least-32-characters";
    static final HttpClient http = HttpClient.newHttpClient();
    /** The calls the stub service received: "METHOD path Authorization". */
    static final List<String> calls = new CopyOnWriteArrayList<>();

    static HttpServer donations;
    static EmbeddedServer gateway;
    static String admin;
    static String staff;

    @BeforeAll
    static void start() throws IOException {
        donations = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        donations.createContext("/api/donations/operations", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String body = switch (exchange.getRequestMethod() + " " + path) {
                case "GET /api/donations/operations/dead-letters" ->
                    "[{\"id\":7,\"consumer\":\"donations\",\"topic\":\"endow.funds.v1\",\"partition\":0,"
                            + "\"offset\":42,\"eventType\":\"FundClosed\",\"error\":\"no such fund\","
                            + "\"attempts\":5,\"createdAt\":\"2026-12-01T10:00:00Z\"}]";
                case "GET /api/donations/operations/failed-mails" ->
                    "[{\"id\":3,\"recipient\":\"ada@example.org\",\"subject\":\"Your receipt\","
                            + "\"createdAt\":\"2026-12-01T09:00:00Z\",\"attempts\":12,"
                            + "\"lastError\":\"550 mailbox unavailable\",\"failedAt\":\"2026-12-01T11:00:00Z\"}]";
                case "POST /api/donations/operations/dead-letters/7/replay" -> "{\"id\":7}";
                case "POST /api/donations/operations/failed-mails/3/requeue" -> "{\"id\":3}";
                case "POST /api/donations/operations/failed-mails/requeue" -> "{\"requeued\":1}";
                default -> null;
            };
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            if (body != null) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        donations.start();

        Database db = TestInfra.get().freshDatabase("gateway_operations_page");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "operations page test admin password");
        p.put("endow.accounts.mfa-enforced", false);
        p.put(
                "endow.gateway.routes.donations.url",
                "http://127.0.0.1:" + donations.getAddress().getPort());
        p.put("endow.gateway.routes.funds.url", "http://127.0.0.1:" + closedPort());
        p.put("micronaut.server.port", -1);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
        SessionTokens tokens = gateway.getApplicationContext().getBean(SessionTokens.class);
        admin = tokens.issue(account("grace@example.org", Role.ADMIN));
        staff = tokens.issue(account("alan@example.org", Role.STAFF));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.getApplicationContext().close();
        }
        if (donations != null) {
            donations.stop(0);
        }
    }

    @BeforeEach
    void forget() {
        calls.clear();
    }

    @Test
    void an_administrator_sees_each_service_s_dead_letters_and_failed_mails_with_their_buttons() throws Exception {
        HttpResponse<String> page = get(admin);

        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("id=\"replay-donations-7\""), html);
        assertTrue(html.contains("FundClosed"), html);
        assertTrue(html.contains("no such fund"), html);
        assertTrue(html.contains("id=\"requeue-donations-3\""), html);
        assertTrue(html.contains("ada@example.org"), html);
        assertTrue(html.contains("id=\"requeue-all-donations\""), html);
        assertTrue(html.contains("name=\"_csrf\" value=\"" + CSRF + "\""), html);
        // a service that does not answer is said so, and the others are still shown
        assertTrue(html.contains("data-service=\"funds\""), html);
        assertTrue(html.contains("The funds service is not available"), html);
        assertTrue(calls.contains("GET /api/donations/operations/dead-letters Bearer " + admin), calls.toString());
        assertTrue(calls.contains("GET /api/donations/operations/failed-mails Bearer " + admin), calls.toString());
    }

    @Test
    void replay_and_requeue_are_passed_to_the_service_with_the_administrator_s_token() throws Exception {
        for (String[] button : List.of(
                new String[] {"replay", "7", "POST /api/donations/operations/dead-letters/7/replay"},
                new String[] {"requeue", "3", "POST /api/donations/operations/failed-mails/3/requeue"},
                new String[] {"requeue-all", "", "POST /api/donations/operations/failed-mails/requeue"})) {
            HttpResponse<String> done =
                    post(admin, "action=" + button[0] + "&route=donations&id=" + button[1] + "&_csrf=" + CSRF);

            assertEquals(303, done.statusCode(), done.body());
            assertEquals(
                    "/staff/operations?done=" + button[0],
                    done.headers().firstValue("Location").orElseThrow());
            assertTrue(calls.contains(button[2] + " Bearer " + admin), calls.toString());
        }
        assertTrue(get(admin, "/staff/operations?done=replay").body().contains("The event is sent back to its topic."));
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_nothing_is_replayed() throws Exception {
        HttpResponse<String> refused = post(admin, "action=replay&route=donations&id=7&_csrf=another-token");

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Your form expired"), refused.body());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("POST")), calls.toString());
    }

    @Test
    void staff_without_the_admin_role_see_no_list_and_replay_nothing() throws Exception {
        HttpResponse<String> page = get(staff);
        HttpResponse<String> refused = post(staff, "action=replay&route=donations&id=7&_csrf=" + CSRF);

        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Only administrators"), page.body());
        assertFalse(page.body().contains("replay-donations-7"), page.body());
        assertEquals(403, refused.statusCode());
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void only_a_routed_service_and_a_known_action_are_passed_on() throws Exception {
        assertEquals(
                400,
                post(admin, "action=replay&route=nowhere&id=7&_csrf=" + CSRF).statusCode());
        assertEquals(
                400,
                post(admin, "action=replay&route=donations&id=7/../../x&_csrf=" + CSRF)
                        .statusCode());
        assertEquals(
                400,
                post(admin, "action=delete&route=donations&id=7&_csrf=" + CSRF).statusCode());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("POST")), calls.toString());
    }

    @Test
    void signed_out_the_page_asks_to_sign_in() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(url("/staff/operations")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(303, page.statusCode());
        assertEquals(
                "/signin?next=/staff/operations",
                page.headers().firstValue("Location").orElseThrow());
    }

    static Account account(String email, Role role) {
        return Account.open(AccountId.random(), new Email(email), "Test", "unused", EnumSet.of(role), Instant.now());
    }

    static HttpResponse<String> get(String token) throws Exception {
        return get(token, "/staff/operations");
    }

    static HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Cookie", "endow_session=" + token + "; endow_csrf=" + CSRF)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String token, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url("/staff/operations/actions"))
                        .header("Cookie", "endow_session=" + token + "; endow_csrf=" + CSRF)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
