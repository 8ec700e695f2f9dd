package org.endow.gateway.accounts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.Role;
import org.endow.platform.problem.ProblemException;

/** An administrator sets the roles of an account; audited. A change ends the account's sessions (sign in again). */
@Singleton
public class GrantingRoles {

    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    GrantingRoles(Accounts accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account grant(String adminId, AccountId target, Set<String> roleNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            roles.add(Role.parse(name)
                    .orElseThrow(() -> ProblemException.invalidField(
                            "roles",
                            "unknown role '" + name + "'; known: " + java.util.Arrays.toString(Role.values()))));
        }
        Account account =
                accounts.findForUpdate(target).orElseThrow(() -> ProblemException.notFound("No account " + target));
        if (account.id().toString().equals(adminId) && !roles.contains(Role.ADMIN)) {
            throw ProblemException.invalidField("roles", "you cannot remove your own ADMIN role");
        }
        Set<Role> before = account.roles();
        account.grant(roles, clock.instant()); // a change ends the account's sessions
        accounts.update(account);
        audit.record(new AuditEntry(
                adminId,
                "account.roles-changed",
                target.toString(),
                new TreeSet<>(before.stream().map(Enum::name).toList()) + " -> "
                        + new TreeSet<>(roles.stream().map(Enum::name).toList()),
                clock.instant()));
        return account;
    }
}
