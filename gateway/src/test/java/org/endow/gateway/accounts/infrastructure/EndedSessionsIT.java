package org.endow.gateway.accounts.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.application.SignUpCommand;
import org.endow.gateway.accounts.application.SigningUp;
import org.endow.gateway.accounts.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions end when they should, not when their token expires (ADR 0004): signing out ends that session (a copy of
 * its cookie or token stops working, other sessions go on), a change of roles ends all of the account's sessions, and
 * what one gateway instance ended the others refuse within their refresh.
 */
class EndedSessionsIT {

    static final String PASSWORD = "a long enough passphrase for tests";
    static final String ADMIN_EMAIL = "admin-sessions@example.org";
    static final String ADMIN_PASSWORD = "sessions test admin password";
    static final HttpClient http = HttpClient.newHttpClient();
    static EmbeddedServer gateway;
    static EmbeddedServer other;
    /** A service behind the gateway: answers what Authorization it was given ("none" without one). */
    static com.sun.net.httpserver.HttpServer service;

    @BeforeAll
    static void start() throws Exception {
        service = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/api/probe", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body =
                    (authorization == null ? "none" : authorization).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        Database db = TestInfra.get().freshDatabase("gateway_ended_sessions");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-email", ADMIN_EMAIL);
        p.put("endow.accounts.admin-password", ADMIN_PASSWORD);
        p.put("endow.accounts.mfa-enforced", false); // the administrator's token carries ADMIN without a second factor
        p.put("endow.accounts.sessions-refresh", "200ms");
        p.put("endow.gateway.ratelimits.signin.requests", 1000);
        p.put(
                "endow.gateway.routes.probe.url",
                "http://127.0.0.1:" + service.getAddress().getPort());
        p.put("micronaut.server.port", -1);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
        // a second instance on the same database, as behind a load balancer
        other = ApplicationContext.run(EmbeddedServer.class, p);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop(0);
        }
        for (EmbeddedServer server : new EmbeddedServer[] {gateway, other}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
    }

    @Test
    void signing_out_ends_that_session_everywhere_and_no_other() throws Exception {
        String email = signUp("ada");
        String laptop = token(gateway, email, PASSWORD);
        String phone = token(gateway, email, PASSWORD);
        assertEquals(200, me(gateway, laptop).statusCode());
        assertEquals(200, me(other, laptop).statusCode(), "the other instance remembers the token too");

        HttpResponse<String> signedOut = send(
                gateway,
                HttpRequest.newBuilder(uri(gateway, "/api/auth/token"))
                        .header("Authorization", "Bearer " + laptop)
                        .DELETE());

        assertEquals(204, signedOut.statusCode());
        assertEquals(401, me(gateway, laptop).statusCode(), "ended at once on the instance that ended it");
        assertEquals(401, eventually(() -> me(other, laptop).statusCode(), 401), "and within a refresh elsewhere");
        assertEquals(200, me(gateway, phone).statusCode(), "another session of the same account goes on");
        assertEquals(200, me(other, phone).statusCode());
    }

    @Test
    void the_portal_sign_out_ends_the_session_of_its_cookie() throws Exception {
        String email = signUp("grace");
        String session = token(gateway, email, PASSWORD);
        String csrf = "c".repeat(40);
        assertTrue(home(session).contains("Grace"), "signed in before");

        HttpResponse<String> signedOut = send(
                gateway,
                HttpRequest.newBuilder(uri(gateway, "/signout"))
                        .header("Cookie", SessionTokens.COOKIE + "=" + session + "; endow_csrf=" + csrf)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)));

        assertEquals(303, signedOut.statusCode());
        assertTrue(
                signedOut.headers().allValues("set-cookie").stream()
                        .anyMatch(c -> c.startsWith(SessionTokens.COOKIE + "=;")),
                "the browser's cookie is cleared: " + signedOut.headers().allValues("set-cookie"));
        assertTrue(!home(session).contains("Grace"), "a copy of the cookie no longer signs anyone in");
        assertEquals(401, me(gateway, session).statusCode());
    }

    @Test
    void a_change_of_roles_ends_every_session_of_the_account_and_the_next_sign_in_has_the_new_roles() throws Exception {
        String email = signUp("alan");
        String first = token(gateway, email, PASSWORD);
        String second = token(gateway, email, PASSWORD);
        String id = idOf(me(gateway, first).body());
        String admin = token(gateway, ADMIN_EMAIL, ADMIN_PASSWORD);
        String before = me(gateway, first).body();
        assertTrue(before.contains("\"DONOR\""), before);

        assertEquals(
                200,
                setRoles(admin, id, "[\"DONOR\",\"SPONSOR\",\"APPLICANT\",\"NOMINATOR\"]")
                        .statusCode());
        assertEquals(200, me(gateway, first).statusCode(), "the same roles again change nothing");

        HttpResponse<String> changed = setRoles(admin, id, "[\"NOMINATOR\"]");

        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(401, me(gateway, first).statusCode(), "a role taken away is not kept until the token expires");
        assertEquals(401, me(gateway, second).statusCode());
        assertEquals(401, eventually(() -> me(other, first).statusCode(), 401));
        assertEquals(200, me(gateway, admin).statusCode(), "the administrator's own session goes on");
        String again = me(gateway, token(gateway, email, PASSWORD)).body();
        assertTrue(again.contains("\"roles\":[\"NOMINATOR\"]"), again);
        assertEquals(200, me(other, token(other, email, PASSWORD)).statusCode());
    }

    @Test
    void a_refused_token_does_not_ride_along_with_a_valid_one() throws Exception {
        String ended = token(gateway, signUp("eve"), PASSWORD);
        assertEquals(
                204,
                send(
                                gateway,
                                HttpRequest.newBuilder(uri(gateway, "/api/auth/token"))
                                        .header("Authorization", "Bearer " + ended)
                                        .DELETE())
                        .statusCode());
        String fresh = token(gateway, signUp("mallory"), PASSWORD); // a new account's valid session

        HttpResponse<String> bearerEndedCookieValid = send(
                gateway,
                HttpRequest.newBuilder(uri(gateway, "/api/probe/x"))
                        .header("Authorization", "Bearer " + ended)
                        .header("Cookie", SessionTokens.COOKIE + "=" + fresh)
                        .GET());
        HttpResponse<String> bearerValidCookieEnded = send(
                gateway,
                HttpRequest.newBuilder(uri(gateway, "/api/probe/x"))
                        .header("Authorization", "Bearer " + fresh)
                        .header("Cookie", SessionTokens.COOKIE + "=" + ended)
                        .GET());
        HttpResponse<String> cookieEndedOnly = send(
                gateway,
                HttpRequest.newBuilder(uri(gateway, "/api/probe/x"))
                        .header("Cookie", SessionTokens.COOKIE + "=" + ended)
                        .GET());

        assertEquals(
                "none",
                bearerEndedCookieValid.body(),
                "the bearer token is the one looked at: refused, none passed on");
        assertEquals("Bearer " + fresh, bearerValidCookieEnded.body(), "only the token verified is passed on");
        assertEquals("none", cookieEndedOnly.body());
        assertEquals(401, me(gateway, ended).statusCode());
    }

    static String signUp(String name) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        Account account = gateway.getApplicationContext()
                .getBean(SigningUp.class)
                .signUp(new SignUpCommand(email, Character.toUpperCase(name.charAt(0)) + name.substring(1), PASSWORD));
        assertEquals(email, account.email().value());
        return email;
    }

    static String token(EmbeddedServer server, String email, String password) throws Exception {
        HttpResponse<String> answer = send(
                server,
                HttpRequest.newBuilder(uri(server, "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")));
        assertEquals(200, answer.statusCode(), answer.body());
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(answer.body());
        assertTrue(token.find(), answer.body());
        return token.group(1);
    }

    static HttpResponse<String> me(EmbeddedServer server, String token) throws Exception {
        return send(
                server,
                HttpRequest.newBuilder(uri(server, "/api/auth/me"))
                        .header("Authorization", "Bearer " + token)
                        .GET());
    }

    static String home(String session) throws Exception {
        return send(
                        gateway,
                        HttpRequest.newBuilder(uri(gateway, "/"))
                                .header("Cookie", SessionTokens.COOKIE + "=" + session)
                                .GET())
                .body();
    }

    static HttpResponse<String> setRoles(String admin, String id, String roles) throws Exception {
        return send(
                gateway,
                HttpRequest.newBuilder(uri(gateway, "/api/accounts/" + id + "/roles"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":" + roles + "}")));
    }

    static String idOf(String me) {
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(me);
        assertTrue(id.find(), me);
        return id.group(1);
    }

    static HttpResponse<String> send(EmbeddedServer server, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(EmbeddedServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    interface Probe {
        int get() throws Exception;
    }

    /** The probe's answer once it is {@code wanted}, or its last answer after 5 s. */
    static int eventually(Probe probe, int wanted) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int answer = probe.get();
        while (answer != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = probe.get();
        }
        return answer;
    }
}
