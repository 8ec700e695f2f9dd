package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.util.EnumSet;
import java.util.Set;
import org.endow.gateway.accounts.application.PasswordResetPolicy;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.MfaPolicy;
import org.endow.gateway.accounts.model.Role;

@Factory
class AccountsConfiguration {

    /** Built at start: a wrong role name in configuration stops the gateway, not a sign-up. */
    @Context
    AccountRules accountRules(AccountsProperties properties) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : properties.signUpRoles()) {
            roles.add(Role.parse(name.strip())
                    .orElseThrow(
                            () -> new IllegalStateException("endow.accounts.sign-up-roles: unknown role " + name)));
        }
        return new AccountRules(roles, properties.maxFailedSignIns(), properties.lockFor());
    }

    @Context
    MfaPolicy mfaPolicy(AccountsProperties properties) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : properties.mfaRequiredRoles()) {
            roles.add(Role.parse(name.strip())
                    .orElseThrow(() ->
                            new IllegalStateException("endow.accounts.mfa-required-roles: unknown role " + name)));
        }
        return new MfaPolicy(roles, properties.mfaEnforced());
    }

    @Context
    PasswordResetPolicy passwordResetPolicy(AccountsProperties properties) {
        java.net.URI portal = java.net.URI.create(properties.portalUrl());
        if (!"http".equals(portal.getScheme()) && !"https".equals(portal.getScheme())) {
            throw new IllegalStateException("endow.accounts.portal-url must be an http(s) URL: " + portal);
        }
        return new PasswordResetPolicy(portal, properties.passwordResetValidFor(), properties.passwordResetsPerHour());
    }
}
