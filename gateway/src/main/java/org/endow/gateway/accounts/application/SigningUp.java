package org.endow.gateway.accounts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.PasswordPolicy;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/** A person opens an account with the default roles. */
@Singleton
public class SigningUp {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccountRules rules;
    private final AuditLog audit;
    private final Clock clock;

    SigningUp(Accounts accounts, PasswordHasher hasher, AccountRules rules, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account signUp(SignUpCommand command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Email> email = Email.parse(command.email());
        if (email.isEmpty()) {
            errors.add(new Problem.FieldError("email", "must be an email address"));
        }
        String name = command.displayName() == null ? "" : command.displayName().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new Problem.FieldError("displayName", "must be 1 to 100 characters"));
        }
        PasswordPolicy.refusal(command.password(), command.email())
                .ifPresent(reason -> errors.add(new Problem.FieldError("password", reason)));
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "Invalid request",
                    errors.stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow(),
                    errors);
        }
        Account account = Account.open(
                AccountId.random(),
                email.get(),
                name,
                hasher.hash(command.password()),
                rules.signUpRoles(),
                clock.instant());
        if (!accounts.add(account)) {
            throw new ProblemException(
                    io.micronaut.http.HttpStatus.CONFLICT,
                    "Conflict",
                    "email: an account with this email already exists",
                    List.of(new Problem.FieldError("email", "an account with this email already exists")));
        }
        audit.record(new AuditEntry(
                account.id().toString(), "account.signed-up", account.id().toString(), "", clock.instant()));
        return account;
    }
}
