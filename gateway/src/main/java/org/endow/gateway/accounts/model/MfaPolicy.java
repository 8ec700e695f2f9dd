package org.endow.gateway.accounts.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles need a second factor. When enforced, an account holding such a role but no enabled authenticator is
 * signed in without those roles until it sets one up: it can still enrol, give and so on, but not act as staff.
 *
 * @param privileged roles that decide over other people's money, grants or honours
 * @param enforce whether the rule applies (off only for local test stacks)
 */
public record MfaPolicy(Set<Role> privileged, boolean enforce) {

    public MfaPolicy {
        privileged = privileged.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(privileged);
    }

    /** The roles a session of {@code account} carries. */
    public Set<Role> effectiveRoles(Account account, boolean secondFactorEnabled) {
        if (!enforce || secondFactorEnabled) {
            return account.roles();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.roles());
        roles.removeAll(privileged);
        return roles;
    }

    /** The account must set up an authenticator before it can use all its roles. */
    public boolean enrolmentRequired(Account account, boolean secondFactorEnabled) {
        return enforce && !secondFactorEnabled && account.roles().stream().anyMatch(privileged::contains);
    }
}
