package org.endow.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

/** A person using the API through the gateway: signs up, signs in, pledges, reads balances. */
final class Donor {

    final Http http;
    final String email;
    final String password;
    final String token;

    private Donor(Http http, String email, String password, String token) {
        this.http = http;
        this.email = email;
        this.password = password;
        this.token = token;
    }

    static Donor signUp(Http http, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery staple " + UUID.randomUUID();
        Http.Response signedUp = http.postJson(
                "/api/auth/signup",
                "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\"}".formatted(email, name, password),
                null);
        assertEquals(201, signedUp.status(), signedUp.body());
        Http.Response token = http.postJson(
                "/api/auth/token", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null);
        assertEquals(200, token.status(), token.body());
        return new Donor(http, email, password, token.field("accessToken"));
    }

    Http.Response pledge(long amountMinor, String fundCode) {
        return http.postJson(
                "/api/donations/pledges",
                "{\"amountMinor\":%d,\"currency\":\"USD\",\"fundCode\":\"%s\",\"method\":\"BANK_TRANSFER\"}"
                        .formatted(amountMinor, fundCode),
                token);
    }

    static long pledged(Http http, String fundCode) {
        return balance(http, fundCode, "pledgedMinor");
    }

    static long raised(Http http, String fundCode) {
        return balance(http, fundCode, "raisedMinor");
    }

    private static long balance(Http http, String fundCode, String field) {
        Http.Response item = http.get("/api/funds/items/" + fundCode, null);
        assertEquals(200, item.status(), item.body());
        return Long.parseLong(item.field(field));
    }

    /** Signs in an existing account (e.g. the administrator the stack was started with). */
    static String token(Http http, String email, String password) {
        Http.Response token = http.postJson(
                "/api/auth/token", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), null);
        assertEquals(200, token.status(), token.body());
        return token.field("accessToken");
    }

    /** The donations service learns the funded items from the funds service's events. */
    static void awaitItemsKnown(Http http, String fundCode) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        http.get("/api/donations/funded-items", null).body().contains("\"" + fundCode + "\""));
    }
}
