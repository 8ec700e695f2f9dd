package org.endow.gateway.accounts.model;

import java.time.Duration;
import java.util.Set;

/**
 * @param signUpRoles the roles a new account gets
 * @param maxFailedSignIns wrong passwords in a row before the account locks
 * @param lockFor how long a locked account stays locked
 */
public record AccountRules(Set<Role> signUpRoles, int maxFailedSignIns, Duration lockFor) {

    public AccountRules {
        signUpRoles = Set.copyOf(signUpRoles);
        if (signUpRoles.contains(Role.ADMIN) || signUpRoles.contains(Role.STAFF)) {
            throw new IllegalArgumentException("sign-up must never grant STAFF or ADMIN");
        }
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("maxFailedSignIns must be at least 1");
        }
    }
}
