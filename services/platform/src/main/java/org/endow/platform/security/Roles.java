package org.endow.platform.security;

/** The roles the gateway grants; services check them with {@code @Secured}. */
public final class Roles {
    public static final String DONOR = "DONOR";
    public static final String SPONSOR = "SPONSOR";
    public static final String APPLICANT = "APPLICANT";
    public static final String NOMINATOR = "NOMINATOR";
    public static final String GRANTS_WG = "GRANTS_WG";
    public static final String FELLOWS_WG = "FELLOWS_WG";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
