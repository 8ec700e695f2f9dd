package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.UUID;

/** An account of the portal: its password for the browser, its id and a token for the API. */
final class Person {
    final String email;
    final String password;
    final String name;
    String id;
    String token;

    Person(String email, String password, String name, String id) {
        this.email = email;
        this.password = password;
        this.name = name;
        this.id = id;
    }

    static Person signUp(Http http, String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "+" + UUID.randomUUID() + "@example.org";
        Person person = new Person(email, "a long portal passphrase " + UUID.randomUUID(), name, null);
        Http.Response signedUp = http.postJson(
                "/api/auth/signup",
                "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\"}".formatted(email, name, person.password),
                null);
        assertEquals(201, signedUp.status(), signedUp.body());
        person.id = signedUp.field("id");
        person.refreshToken(http);
        return person;
    }

    /** A new token carries the roles granted since. */
    void refreshToken(Http http) {
        token = Donor.token(http, email, password);
    }
}
