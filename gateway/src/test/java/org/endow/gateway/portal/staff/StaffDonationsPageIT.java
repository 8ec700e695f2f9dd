package org.endow.gateway.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * The staff donations page's list of money Stripe took back on payments that paid no gift, and its "mark explained"
 * form, against a stub donations service.
 */
class StaffDonationsPageIT {

    static final String CSRF = "csrf-token-of-the-test-at-least-32-characters";
    static final HttpClient http = HttpClient.newHttpClient();
    /** The calls the stub service received: "METHOD path Authorization body". */
    static final List<String> calls = new CopyOnWriteArrayList<>();
    /** Whether the stub's refund event is explained already (a second mark answers 409). */
    static final AtomicBoolean explained = new AtomicBoolean();

    static HttpServer donations;
    static EmbeddedServer gateway;
    static String staff;

    @BeforeAll
    static void start() throws IOException {
        donations = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        donations.createContext("/api/donations", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + request);
            int status = 200;
            String body = switch (exchange.getRequestMethod() + " " + path) {
                case "GET /api/donations/staff/donations", "GET /api/donations/audit" -> "[]";
                case "GET /api/donations/stripe/unmatched" ->
                    "[{\"stripeEventId\":\"evt_refund\",\"type\":\"charge.refunded\",\"kind\":\"REFUND\","
                            + "\"paymentIntentId\":\"pi_ticket\",\"amountMinor\":5000,\"currency\":\"EUR\","
                            + "\"stripeAt\":\"2026-11-23T22:47:10Z\",\"recordedAt\":\"2026-11-23T22:47:11Z\","
                            + "\"ticketedEventCode\":\"gala-27\",\"registrants\":[\"ivy@example.org\"]}]";
                case "POST /api/donations/stripe/unmatched/evt_refund/explained" -> {
                    if (explained.getAndSet(true)) {
                        status = 409;
                        yield "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                                + "\"detail\":\"Stripe event evt_refund was explained already by staff-9\"}";
                    }
                    yield "{\"stripeEventId\":\"evt_refund\"}";
                }
                default -> null;
            };
            byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(body == null ? 404 : status, body == null ? -1 : bytes.length);
            if (body != null) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        donations.start();

        Database db = TestInfra.get().freshDatabase("gateway_staff_donations_page");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "staff donations page test admin password");
        p.put("endow.accounts.mfa-enforced", false);
        p.put(
                "endow.gateway.routes.donations.url",
                "http://127.0.0.1:" + donations.getAddress().getPort());
        p.put("micronaut.server.port", -1);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
        staff = gateway.getApplicationContext()
                .getBean(SessionTokens.class)
                .issue(Account.open(
                        AccountId.random(),
                        new Email("alan@example.org"),
                        "Test",
                        "unused",
                        EnumSet.of(Role.STAFF),
                        Instant.now()));
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
    void staff_see_money_stripe_took_back_and_mark_it_explained_once() throws Exception {
        HttpResponse<String> page = get("/staff/donations");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("gala-27: ivy@example.org"), page.body());
        assertTrue(page.body().contains("50.00"), page.body());
        assertTrue(page.body().contains("name=\"eventId\" value=\"evt_refund\""), page.body());

        HttpResponse<String> done = post("eventId=evt_refund&note=Refunded+in+the+dashboard&_csrf=" + CSRF);
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(
                "/staff/donations?done=explained",
                done.headers().firstValue("Location").orElseThrow());
        assertTrue(
                calls.contains("POST /api/donations/stripe/unmatched/evt_refund/explained Bearer " + staff
                        + " {\"note\":\"Refunded in the dashboard\"}"),
                calls.toString());
        assertTrue(get("/staff/donations?done=explained").body().contains("Marked explained."));

        HttpResponse<String> again = post("eventId=evt_refund&note=again&_csrf=" + CSRF);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("explained already"), again.body());
    }

    @Test
    void a_form_without_its_csrf_token_or_with_a_crafted_event_id_is_not_passed_on() throws Exception {
        HttpResponse<String> expired = post("eventId=evt_refund&note=x&_csrf=another-token");
        assertEquals(403, expired.statusCode());
        assertTrue(expired.body().contains("Your form expired"), expired.body());
        assertEquals(
                400, post("eventId=evt_1/../../pledges&note=x&_csrf=" + CSRF).statusCode());
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("POST")), calls.toString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .header("Cookie", "endow_session=" + staff + "; endow_csrf=" + CSRF)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url("/staff/donations/unmatched/explained"))
                        .header("Cookie", "endow_session=" + staff + "; endow_csrf=" + CSRF)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + gateway.getPort() + path);
    }
}
