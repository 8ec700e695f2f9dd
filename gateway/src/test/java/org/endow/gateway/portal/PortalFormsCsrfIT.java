package org.endow.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.application.SigningIn;
import org.endow.gateway.accounts.infrastructure.SessionTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every portal form refuses a POST without its CSRF token (issue #8): each form route the gateway has (found from its
 * router, not listed by hand, so a new form is covered the day it is added) is posted with a signed-in administrator's
 * session and a plausible body but no token. None may pass a write on to a service (every service is a stub that
 * answers 503 and records what is not a read) nor answer as if it had done something (2xx, 3xx): the refusal is a 403,
 * or, on a page that shows a service's record beside the refusal, that service's error.
 */
class PortalFormsCsrfIT {

    static HttpServer services;
    static final List<String> writes = new CopyOnWriteArrayList<>();

    static final String ADMIN_EMAIL = "admin-csrf@example.org";
    static final String ADMIN_PASSWORD = "csrf test admin password";
    static final HttpClient http = HttpClient.newHttpClient();
    static EmbeddedServer gateway;

    @BeforeAll
    static void start() throws Exception {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/", exchange -> {
            if (!exchange.getRequestMethod().equals("GET")) {
                writes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            }
            byte[] body =
                    "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"stub\"}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        services.start();
        Database db = TestInfra.get().freshDatabase("gateway_portal_csrf");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-email", ADMIN_EMAIL);
        p.put("endow.accounts.admin-password", ADMIN_PASSWORD);
        p.put("endow.accounts.mfa-enforced", false); // the session carries ADMIN and STAFF: no form stops at a role
        p.put("endow.gateway.ratelimits.signin.requests", 1000);
        p.put("endow.gateway.ratelimits.signup.requests", 1000);
        p.put("endow.gateway.ratelimits.donate.requests", 1000);
        p.put("endow.gateway.ratelimits.password-reset.requests", 1000);
        for (String route : List.of("donations", "funds", "sponsors", "grants", "fellows")) {
            p.put(
                    "endow.gateway.routes." + route + ".url",
                    "http://127.0.0.1:" + services.getAddress().getPort());
        }
        p.put("micronaut.server.port", -1);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.getApplicationContext().close();
        }
        if (services != null) {
            services.stop(0);
        }
    }

    @Test
    void every_form_post_without_its_token_is_refused() throws Exception {
        ApplicationContext context = gateway.getApplicationContext();
        String session = context.getBean(SessionTokens.class)
                .issue(context.getBean(SigningIn.class).signIn(ADMIN_EMAIL, ADMIN_PASSWORD));
        List<String> forms = new ArrayList<>();
        context.getBean(Router.class).uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            if (route.getHttpMethod() == HttpMethod.POST
                    && route.getConsumes().contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                forms.add(route.getUriMatchTemplate().toString());
            }
        });
        assertTrue(forms.size() >= 10, "the portal's forms: " + forms);
        assertTrue(forms.containsAll(List.of("/signin", "/signup", "/signout", "/password/forgot", "/password/reset")));

        List<String> accepted = new ArrayList<>();
        for (String template : new TreeSet<>(forms)) {
            String path = template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000001");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.getPort() + path))
                            .header("Cookie", SessionTokens.COOKIE + "=" + session)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "email=ada%40example.org&password=a+long+enough+passphrase&action=approve"
                                            + "&amount=10&currency=USD&code=packaging&_csrf=not-the-cookie"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 403 && answer.statusCode() != 503) {
                accepted.add(path + " -> " + answer.statusCode());
            }
        }
        assertEquals(List.of(), accepted, "forms that did not refuse a POST without its CSRF token");
        assertEquals(List.of(), writes, "writes passed on to a service without a CSRF token");
    }
}
