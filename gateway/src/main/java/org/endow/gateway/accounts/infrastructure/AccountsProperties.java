package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code endow.accounts.*}: sign-up roles, lock-out, the first administrator ({@code ENDOW_ADMIN_EMAIL}, {@code
 * ENDOW_ADMIN_PASSWORD}), and password reset links (where the portal is, how long a link works, how many an account
 * gets an hour).
 */
@ConfigurationProperties("endow.accounts")
record AccountsProperties(
        @Bindable(defaultValue = "DONOR,APPLICANT,NOMINATOR,SPONSOR")
        List<String> signUpRoles,

        @Bindable(defaultValue = "5") int maxFailedSignIns,
        @Bindable(defaultValue = "15m") Duration lockFor,
        @Bindable(defaultValue = "admin@endow.local") String adminEmail,
        @Nullable String adminPassword,

        @Bindable(defaultValue = "STAFF,ADMIN,GRANTS_WG,FELLOWS_WG")
        List<String> mfaRequiredRoles,

        @Bindable(defaultValue = "true") boolean mfaEnforced,

        /* where people reach the portal (ENDOW_ACCOUNTS_PORTAL_URL): password reset links are built on it */
        @Bindable(defaultValue = "http://localhost:8080") String portalUrl,
        @Bindable(defaultValue = "1h") Duration passwordResetValidFor,
        @Bindable(defaultValue = "3") int passwordResetsPerHour) {}
