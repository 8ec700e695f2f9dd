package org.endow.gateway.accounts.model;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in Endow. Services check these names in the forwarded token. */
public enum Role {
    DONOR,
    SPONSOR,
    APPLICANT,
    NOMINATOR,
    GRANTS_WG,
    FELLOWS_WG,
    STAFF,
    ADMIN;

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
