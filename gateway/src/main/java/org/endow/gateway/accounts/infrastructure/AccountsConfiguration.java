package org.endow.gateway.accounts.infrastructure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.util.EnumSet;
import java.util.Set;
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
}
