package org.endow.gateway.accounts.infrastructure;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.endow.gateway.accounts.application.GrantingRoles;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.platform.security.Roles;

/** Administration of accounts: roles (audited) and the audit log. */
@Controller("/api/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class AccountsController {

    private final GrantingRoles granting;
    private final AuditLog audit;
    private final JdbcEndedSessions endedSessions;

    AccountsController(GrantingRoles granting, AuditLog audit, JdbcEndedSessions endedSessions) {
        this.granting = granting;
        this.endedSessions = endedSessions;
        this.audit = audit;
    }

    @Put("/{id}/roles")
    RolesResponse grant(@PathVariable UUID id, @Body @Valid RolesRequest request, Authentication admin) {
        Account account = granting.grant(admin.getName(), new AccountId(id), request.roles());
        // committed: a change ended the account's sessions; on this instance at once, on others within a refresh
        endedSessions.generationChanged(account.id(), account.sessionGeneration());
        return new RolesResponse(
                account.id().toString(),
                account.roles().stream().map(Enum::name).sorted().toList());
    }

    @Get("/audit")
    List<AuditResponse> audit(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.latest(limit).stream()
                .map(e -> new AuditResponse(e.actor(), e.action(), e.target(), e.details(), e.at()))
                .toList();
    }

    @Serdeable
    record RolesRequest(@NotNull Set<String> roles) {}

    @Serdeable
    record RolesResponse(String id, List<String> roles) {}

    @Serdeable
    record AuditResponse(String actor, String action, String target, String details, Instant at) {}
}
