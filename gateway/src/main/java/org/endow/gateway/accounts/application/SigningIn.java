package org.endow.gateway.accounts.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.platform.problem.ProblemException;

/**
 * Checks an email and password. Unknown email and wrong password get the same answer, and an
 * unknown email still costs a hash, so neither the answer nor its timing tells which accounts exist.
 */
@Singleton
public class SigningIn {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccountRules rules;
    private final Clock clock;
    private final String decoyHash;

    SigningIn(Accounts accounts, PasswordHasher hasher, AccountRules rules, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.rules = rules;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    /** ProblemException is not rolled back: the failed-attempt counter must survive the 401. */
    @Transactional(noRollbackFor = ProblemException.class)
    public Account signIn(String email, String password) {
        Instant now = clock.instant();
        Optional<Account> found = Email.parse(email).flatMap(accounts::findByEmail);
        if (found.isEmpty()) {
            hasher.matches(password == null ? "" : password, decoyHash);
            throw refused();
        }
        Account account = found.get();
        if (account.isLocked(now)) {
            throw new ProblemException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Account locked",
                    "Too many wrong passwords: try again after " + account.lockedUntil(),
                    List.of());
        }
        if (password == null || !hasher.matches(password, account.passwordHash())) {
            account.signInFailed(now, rules.maxFailedSignIns(), rules.lockFor());
            accounts.update(account);
            throw refused();
        }
        account.signedIn(now);
        accounts.update(account);
        return account;
    }

    private static ProblemException refused() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Sign-in failed", "Wrong email or password", List.of());
    }
}
