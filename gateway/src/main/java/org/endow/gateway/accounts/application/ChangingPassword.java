package org.endow.gateway.accounts.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.PasswordPolicy;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/**
 * A signed-in person changes their password, with the current one: every other session of the account ends (the
 * caller gets a new one), the change is audited and confirmed by mail. A wrong current password counts towards the
 * lock-out as a wrong sign-in does, so a stolen session cannot try passwords without limit.
 */
@Singleton
public class ChangingPassword {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccountRules rules;
    private final AuditLog audit;
    private final AccountMails mails;
    private final Clock clock;

    ChangingPassword(
            Accounts accounts,
            PasswordHasher hasher,
            AccountRules rules,
            AuditLog audit,
            AccountMails mails,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.rules = rules;
        this.audit = audit;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * @return the account with its new password and session generation (issue the caller a new session from it)
     * @throws ProblemException 422 naming the field (a wrong current password, a new one the policy refuses); 423
     *     while the account is locked
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public Account change(AccountId id, String currentPassword, String newPassword) {
        Instant now = clock.instant();
        Account account = accounts.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("No account " + id));
        if (account.isLocked(now)) {
            throw new ProblemException(
                    HttpStatus.LOCKED,
                    "Locked",
                    "Too many wrong passwords: the account is locked for a while. Try again later, or set a new"
                            + " password with a link by mail.",
                    List.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (currentPassword == null || !hasher.matches(currentPassword, account.passwordHash())) {
            account.signInFailed(now, rules.maxFailedSignIns(), rules.lockFor());
            accounts.update(account); // kept: ProblemException does not roll back
            errors.add(new Problem.FieldError("currentPassword", "is not your current password"));
        }
        PasswordPolicy.refusal(newPassword, account.email().value())
                .ifPresent(reason -> errors.add(new Problem.FieldError("newPassword", reason)));
        if (errors.isEmpty() && newPassword.equals(currentPassword)) {
            errors.add(new Problem.FieldError("newPassword", "is your current password; choose another"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Invalid request",
                    errors.stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow(),
                    errors);
        }
        account.changePassword(hasher.hash(newPassword), now);
        accounts.update(account);
        audit.record(new AuditEntry(
                id.toString(), "account.password-changed", id.toString(), "every other session ended", now));
        mails.passwordChanged(account, now);
        return account;
    }
}
