package org.endow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data for the local stack, made through the public API exactly as a person would: a demo
 * donor signs up and pledges to a few funded items. Runs once: when the demo donor exists already
 * (a restart keeps the data), nothing is added.
 */
final class DemoData {

    static final String DONOR_EMAIL = "demo.donor@endow.local";
    static final String DONOR_PASSWORD = "demo donor passphrase";

    private record Pledge(long amountMinor, String fundCode) {}

    private static final List<Pledge> PLEDGES = List.of(
            new Pledge(2_500_000, "packaging"),
            new Pledge(500_000, "cpython-dir"),
            new Pledge(250_000, "security-dir"),
            new Pledge(1_200_000, "core-sprint-2027"),
            new Pledge(10_000, "general"));

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    DemoData(String gatewayUrl) {
        this.gateway = gatewayUrl;
    }

    /** @return a line describing what was done, for the run summary */
    String seed() throws IOException, InterruptedException {
        HttpResponse<String> signUp = post(
                "/api/auth/signup",
                "{\"email\":\"%s\",\"displayName\":\"Demo Donor\",\"password\":\"%s\"}"
                        .formatted(DONOR_EMAIL, DONOR_PASSWORD),
                null);
        if (signUp.statusCode() == 409) {
            return "already present";
        }
        if (signUp.statusCode() != 201) {
            throw new IllegalStateException("demo sign-up answered " + signUp.statusCode() + ": " + signUp.body());
        }
        HttpResponse<String> token = post(
                "/api/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(DONOR_EMAIL, DONOR_PASSWORD),
                null);
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (token.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("demo sign-in answered " + token.statusCode() + ": " + token.body());
        }
        String bearer = m.group(1);
        awaitFundedItemsKnown();
        for (Pledge pledge : PLEDGES) {
            HttpResponse<String> made = post(
                    "/api/donations/pledges",
                    "{\"amountMinor\":%d,\"currency\":\"USD\",\"fundCode\":\"%s\",\"method\":\"BANK_TRANSFER\"}"
                            .formatted(pledge.amountMinor(), pledge.fundCode()),
                    bearer);
            if (made.statusCode() != 201) {
                throw new IllegalStateException("demo pledge answered " + made.statusCode() + ": " + made.body());
            }
        }
        // sign-up makes everyone an applicant too: a grant proposal draft to open in the portal (/grants)
        HttpResponse<String> draft = post(
                "/api/grants/proposals",
                "{\"categoryCode\":\"workshop\",\"organisation\":\"PyLadies Demo City\","
                        + "\"title\":\"Beginners' CPython workshop\",\"description\":\"A one-day workshop for"
                        + " first-time contributors.\",\"startDate\":\"2027-03-06\",\"endDate\":\"2027-03-06\","
                        + "\"attendees\":30,\"amountMinor\":45000,\"currency\":\"USD\","
                        + "\"budgetLines\":[{\"item\":\"Venue\",\"amountMinor\":30000},"
                        + "{\"item\":\"Food\",\"amountMinor\":15000}]}",
                bearer);
        String grants = draft.statusCode() == 201 ? ", a grant proposal draft" : "";
        // and a sponsor contact: a sponsorship application waiting for staff (/sponsors)
        HttpResponse<String> sponsorship = post(
                "/api/sponsors/sponsorships",
                "{\"organisationName\":\"Demo Widgets Inc\",\"website\":\"https://widgets.example\","
                        + "\"billingAddress\":\"1 Demo Street, Springfield\",\"contacts\":[{\"name\":\"Demo Donor\","
                        + "\"email\":\"" + DONOR_EMAIL + "\",\"role\":\"PRIMARY\"}],\"year\":2022,"
                        + "\"packageCode\":\"supporting\",\"addOns\":[\"packaging-sponsor\"]}",
                bearer);
        String sponsors = sponsorship.statusCode() == 201 ? ", a sponsorship application" : "";
        // and a Fellow nomination (/fellows)
        HttpResponse<String> nomination = post(
                "/api/fellows/nominations",
                "{\"nomineeName\":\"Grace Demo\",\"nomineeEmail\":\"grace.demo@example.org\","
                        + "\"links\":[\"https://github.com/gracedemo\"],\"statement\":\"Maintains a widely used"
                        + " packaging tool and has mentored dozens of first-time contributors.\"}",
                bearer);
        String fellows = nomination.statusCode() == 201 ? ", a Fellow nomination" : "";
        return PLEDGES.size() + " pledges" + grants + sponsors + fellows + " by " + DONOR_EMAIL + " / "
                + DONOR_PASSWORD;
    }

    /** The donations service learns the items from the funds service's events, a moment after start. */
    private void awaitFundedItemsKnown() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> items = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/donations/funded-items"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (items.statusCode() == 200
                    && PLEDGES.stream().allMatch(p -> items.body().contains("\"" + p.fundCode() + "\""))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the donations service did not learn the funded items within 60 s");
    }

    private HttpResponse<String> post(String path, String json, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
