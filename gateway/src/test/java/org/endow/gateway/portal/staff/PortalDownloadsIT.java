package org.endow.gateway.portal.staff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
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
 * The portal's downloads (the staff ledger CSV and an item's statement, a donor's annual statement) fetched from stub
 * services with the person's token: a file is handed on byte for byte with the service's headers, a refusal is shown
 * on the page the person came from, never as the service's problem+json.
 */
class PortalDownloadsIT {

    static final String CSRF = "csrf-token-of-the-test-at-least-32-characters";
    static final HttpClient http = HttpClient.newHttpClient();
    /** The calls the stub services received: "path?query Authorization". */
    static final List<String> calls = new CopyOnWriteArrayList<>();

    static final byte[] CSV = ("entry_id,occurred_at,kind\r\n" + "e-1,2026-01-05T10:00:00Z,TRANSFER\r\n"
                    + "e-2,2026-01-06T10:00:00Z,\"Caf\u00e9, \"\"Z\u00fcrich\"\"\"\r\n")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PDF = "%PDF-1.7\n\u0000\u00ff binary body %%EOF".getBytes(StandardCharsets.ISO_8859_1);

    static HttpServer services;
    static EmbeddedServer gateway;
    static String staff;
    static String donor;

    @BeforeAll
    static void start() throws IOException {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/api/", PortalDownloadsIT::answer);
        services.start();
        String url = "http://127.0.0.1:" + services.getAddress().getPort();

        Database db = TestInfra.get().freshDatabase("gateway_portal_downloads");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-password", "portal downloads test admin password");
        p.put("endow.accounts.mfa-enforced", false);
        p.put("endow.gateway.routes.funds.url", url);
        p.put("endow.gateway.routes.donations.url", url);
        p.put("micronaut.server.port", -1);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
        SessionTokens tokens = gateway.getApplicationContext().getBean(SessionTokens.class);
        staff = tokens.issue(account("alan@example.org", Role.STAFF));
        donor = tokens.issue(account("ada@example.org", Role.DONOR));
    }

    /** The stub funds and donations services: what each asks answers, and who asked. */
    static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String asked = path + (query == null ? "" : "?" + query);
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(asked + " " + bearer);
        boolean isStaff = ("Bearer " + staff).equals(bearer);
        byte[] body;
        int status = 200;
        String type = "application/json";
        String disposition = null;
        if (asked.equals("/api/funds/ledger.csv?from=2026-02-01&to=2026-02-28")) {
            exchange.close(); // the service goes away mid-request
            return;
        } else if (path.endsWith(".csv") || path.endsWith(".pdf")) {
            if (path.startsWith("/api/funds/") && !isStaff) {
                status = 403;
                body = problem(403, "Forbidden", "You do not have the role this needs", "");
            } else if (asked.equals("/api/funds/ledger.csv?from=2026-01-01&to=2026-01-31")) {
                body = CSV;
                type = "text/csv; charset=utf-8";
                disposition = "attachment; filename=\"ledger-2026-01-01-2026-01-31.csv\"";
            } else if (path.equals("/api/funds/ledger.csv")) {
                status = 422;
                body = problem(
                        422,
                        "Invalid request",
                        "to: a period is at most 366 days; this one is 546: ask for a shorter one",
                        "{\"field\":\"to\",\"message\":\"a period is at most 366 days; this one is 546: ask for a"
                                + " shorter one\"}");
            } else if (path.equals("/api/funds/items/packaging/statement.pdf")) {
                body = PDF;
                type = "application/pdf";
                disposition = "attachment; filename=\"statement-packaging-2026-01-01-2026-01-31.pdf\"";
            } else if (path.startsWith("/api/funds/items/")) {
                status = 404;
                body = problem(404, "Not found", "No funded item 'closed-item'", "");
            } else if (path.equals("/api/donations/receipts/statements/2026.pdf")) {
                body = PDF;
                type = "application/pdf";
                disposition = "attachment; filename=\"giving-statement-2026.pdf\"";
            } else {
                status = 422;
                body = problem(
                        422,
                        "Invalid request",
                        "year: must be a fiscal year from 2000 to 2026",
                        "{\"field\":\"year\",\"message\":\"must be a fiscal year from 2000 to 2026\"}");
            }
        } else if (path.equals("/api/funds/items")) {
            body =
                    "[{\"code\":\"packaging\",\"title\":\"Packaging\",\"kind\":\"PROJECT\",\"status\":\"OPEN\",\"currency\":\"USD\"},"
                            .concat("{\"code\":\"closed-item\",\"title\":\"Closed item\",\"kind\":\"PROJECT\",")
                            .concat("\"status\":\"OPEN\",\"currency\":\"USD\"}]")
                            .getBytes(StandardCharsets.UTF_8);
        } else {
            body = "[]".getBytes(StandardCharsets.UTF_8);
        }
        if (status != 200) {
            type = "application/problem+json";
        }
        exchange.getResponseHeaders().add("Content-Type", type);
        if (disposition != null) {
            exchange.getResponseHeaders().add("Content-Disposition", disposition);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static byte[] problem(int status, String title, String detail, String errors) {
        return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                        + "\",\"instance\":\"/api\",\"errors\":[" + errors + "]}")
                .getBytes(StandardCharsets.UTF_8);
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

    @BeforeEach
    void forget() {
        calls.clear();
    }

    @Test
    void the_ledger_csv_is_handed_on_byte_for_byte_with_the_service_s_headers() throws Exception {
        HttpResponse<byte[]> file = get(staff, "/staff/funds/ledger.csv?from=2026-01-01&to=2026-01-31");

        assertEquals(200, file.statusCode());
        assertArrayEquals(CSV, file.body());
        assertEquals(
                "text/csv; charset=utf-8",
                file.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"ledger-2026-01-01-2026-01-31.csv\"",
                file.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(file.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
        assertEquals(
                "nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(
                calls.contains("/api/funds/ledger.csv?from=2026-01-01&to=2026-01-31 Bearer " + staff),
                calls.toString());
    }

    @Test
    void a_period_too_long_for_one_file_is_explained_on_the_funds_page_with_the_period_kept() throws Exception {
        HttpResponse<String> page = page(staff, "/staff/funds/ledger.csv?from=2026-01-01&to=2027-06-30");

        assertEquals(422, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<h1>Funds and ledger</h1>"), html);
        assertTrue(html.contains("data-testid=\"form-error\""), html);
        assertTrue(
                html.contains("ledger-csv.to: a period is at most 366 days; this one is 546: ask for a shorter one"),
                html);
        assertTrue(html.contains("id=\"csv-from\" name=\"from\" type=\"date\" required value=\"2026-01-01\""), html);
        assertTrue(html.contains("id=\"csv-to\" name=\"to\" type=\"date\" required value=\"2027-06-30\""), html);
        assertFalse(html.contains("\"status\":422"), html);
    }

    @Test
    void what_is_typed_goes_to_the_service_as_query_values_only() throws Exception {
        HttpResponse<String> page = page(staff, "/staff/funds/ledger.csv?from=2026-01-01%26fund%3Dx&to=");

        assertEquals(422, page.statusCode(), page.body());
        assertTrue(
                calls.contains("/api/funds/ledger.csv?from=2026-01-01%26fund%3Dx&to= Bearer " + staff),
                calls.toString());
    }

    @Test
    void a_service_that_goes_away_gives_the_page_s_try_again_message() throws Exception {
        HttpResponse<String> page = page(staff, "/staff/funds/ledger.csv?from=2026-02-01&to=2026-02-28");

        assertEquals(503, page.statusCode(), page.body());
        assertTrue(page.body().contains("The funds ledger is not available right now; please retry"), page.body());
        assertTrue(page.body().contains("value=\"2026-02-01\""), page.body());
    }

    @Test
    void an_item_statement_is_handed_on_as_the_same_pdf_download() throws Exception {
        HttpResponse<byte[]> file = get(staff, "/staff/funds/statement?code=packaging&from=2026-01-01&to=2026-01-31");

        assertEquals(200, file.statusCode());
        assertArrayEquals(PDF, file.body());
        assertEquals(
                "application/pdf", file.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"statement-packaging-2026-01-01-2026-01-31.pdf\"",
                file.headers().firstValue("Content-Disposition").orElseThrow());
    }

    @Test
    void an_unknown_item_s_statement_is_a_404_on_the_funds_page_with_the_form_kept() throws Exception {
        HttpResponse<String> page =
                page(staff, "/staff/funds/statement?code=closed-item&from=2026-01-01&to=2026-01-31");

        assertEquals(404, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("No funded item &#39;closed-item&#39;"), html);
        assertTrue(html.contains("<option value=\"closed-item\" selected=\"selected\">Closed item</option>"), html);
        assertTrue(html.contains("id=\"statement-from\" name=\"from\" type=\"date\" value=\"2026-01-01\""), html);
    }

    @Test
    void a_statement_without_dates_is_refused_field_by_field_without_asking_the_service() throws Exception {
        HttpResponse<String> page = page(staff, "/staff/funds/statement?code=packaging&from=&to=2026-01-31");

        assertEquals(422, page.statusCode(), page.body());
        assertTrue(page.body().contains("A statement needs an item and both dates"), page.body());
        assertTrue(page.body().contains("statement.from: is required"), page.body());
        assertTrue(calls.stream().noneMatch(c -> c.contains("statement.pdf")), calls.toString());
    }

    @Test
    void the_service_decides_who_may_download_and_its_refusal_is_shown_on_the_page() throws Exception {
        HttpResponse<String> page = page(donor, "/staff/funds/ledger.csv?from=2026-01-01&to=2026-01-31");

        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("You do not have the role this needs"), page.body());
        assertFalse(page.body().contains("e-1,2026-01-05"), page.body());
        assertTrue(
                calls.contains("/api/funds/ledger.csv?from=2026-01-01&to=2026-01-31 Bearer " + donor),
                calls.toString());
    }

    @Test
    void a_donor_s_annual_statement_is_handed_on_and_a_refused_year_is_explained_on_the_giving_page() throws Exception {
        HttpResponse<byte[]> file = get(donor, "/account/giving/statements/2026.pdf");

        assertEquals(200, file.statusCode());
        assertArrayEquals(PDF, file.body());
        assertEquals(
                "application/pdf", file.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "attachment; filename=\"giving-statement-2026.pdf\"",
                file.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(calls.contains("/api/donations/receipts/statements/2026.pdf Bearer " + donor), calls.toString());

        HttpResponse<String> page = page(donor, "/account/giving/statements/2031.pdf");

        assertEquals(422, page.statusCode(), page.body());
        assertTrue(page.body().contains("<h2>Annual statements</h2>"), page.body());
        assertTrue(
                page.body().contains("No statement for 2031: year: must be a fiscal year from 2000 to 2026"),
                page.body());
        int thisYear = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        assertTrue(page.body().contains("href=\"/account/giving/statements/" + thisYear + ".pdf\""), page.body());
    }

    @Test
    void signed_out_a_download_asks_to_sign_in_and_asks_no_service() throws Exception {
        for (String[] asked : List.of(
                new String[] {"/staff/funds/ledger.csv?from=2026-01-01&to=2026-01-31", "/signin?next=/staff/funds"},
                new String[] {
                    "/staff/funds/statement?code=packaging&from=2026-01-01&to=2026-01-31", "/signin?next=/staff/funds"
                },
                new String[] {"/account/giving/statements/2026.pdf", "/signin?next=/account/giving"})) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(url(asked[0])).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(303, page.statusCode(), asked[0]);
            assertEquals(asked[1], page.headers().firstValue("Location").orElseThrow());
        }
        assertTrue(calls.isEmpty(), calls.toString());
    }

    static Account account(String email, Role role) {
        return Account.open(AccountId.random(), new Email(email), "Test", "unused", EnumSet.of(role), Instant.now());
    }

    static HttpResponse<byte[]> get(String token, String path) throws Exception {
        return http.send(request(token, path), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> page(String token, String path) throws Exception {
        return http.send(request(token, path), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest request(String token, String path) {
        return HttpRequest.newBuilder(url(path))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Cookie", "endow_session=" + token + "; endow_csrf=" + CSRF)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .GET()
                .build();
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + gateway.getPort() + path);
    }
}
