package org.endow.gateway.accounts.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountRules;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.SecondFactor;
import org.endow.gateway.accounts.model.SecondFactors;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/**
 * Checks an email and password. Unknown email, wrong password and a locked account get the same answer, and each
 * costs a hash, so neither the answer nor its timing tells which accounts exist (ADR 0004).
 */
@Singleton
public class SigningIn {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccountRules rules;
    private final Clock clock;
    private final SecondFactors secondFactors;
    private final String decoyHash;
    private final String refusal;

    SigningIn(Accounts accounts, PasswordHasher hasher, AccountRules rules, Clock clock, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.hasher = hasher;
        this.rules = rules;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
        this.refusal = "Wrong email or password. After " + rules.maxFailedSignIns()
                + " wrong passwords in a row an account is locked for " + inWords(rules.lockFor()) + ".";
    }

    /** ProblemException is not rolled back: the failed-attempt counter must survive the 401. */
    public Account signIn(String email, String password) {
        return signIn(email, password, null);
    }

    /**
     * Checks the password and, for an account with an authenticator, the current code; a wrong code counts as a
     * failed attempt like a wrong password. ProblemException is not rolled back: the failed-attempt counter must
     * survive the 401.
     */
    @Transactional(noRollbackFor = ProblemException.class)
    public Account signIn(String email, String password, String code) {
        Instant now = clock.instant();
        Optional<Account> found = Email.parse(email).flatMap(accounts::findByEmail);
        if (found.isEmpty()) {
            hasher.matches(password == null ? "" : password, decoyHash);
            throw refused();
        }
        Account account = found.get();
        boolean rightPassword = hasher.matches(password == null ? "" : password, account.passwordHash());
        if (account.isLocked(now)) {
            // the answer (and cost) of an unknown email, whatever the password: a lock-out message would tell that
            // the account exists, and one kept for the right password that a guess was right
            throw refused();
        }
        if (password == null || !rightPassword) {
            account.signInFailed(now, rules.maxFailedSignIns(), rules.lockFor());
            accounts.recordSignIn(account);
            throw refused();
        }
        Optional<SecondFactor> factor = secondFactors.find(account.id()).filter(SecondFactor::enabled);
        if (factor.isPresent()) {
            if (code == null || code.isBlank()) {
                throw new ProblemException(
                        HttpStatus.UNAUTHORIZED,
                        "Code required",
                        "Enter the 6-digit code from your authenticator app",
                        List.of(new Problem.FieldError("code", "Enter the 6-digit code from your authenticator app")));
            }
            // accepted against what was read, then used up only if no other sign-in used it meanwhile
            if (!factor.get().accept(code, now)
                    || !secondFactors.use(account.id(), factor.get().lastUsedStep())) {
                account.signInFailed(now, rules.maxFailedSignIns(), rules.lockFor());
                accounts.recordSignIn(account);
                throw new ProblemException(
                        HttpStatus.UNAUTHORIZED,
                        "Sign-in failed",
                        "That code is wrong, expired or already used",
                        List.of(new Problem.FieldError("code", "That code is wrong, expired or already used")));
            }
        }
        account.signedIn(now);
        accounts.recordSignIn(account);
        return account;
    }

    /**
     * The one answer to an unknown email, a wrong password and any attempt on a locked account. It says that an
     * account locks, so that its holder, refused while it is locked, knows why the right password did not work.
     */
    private ProblemException refused() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Sign-in failed", refusal, List.of());
    }

    /** "15 minutes", "1 hour", "90 seconds". */
    static String inWords(Duration period) {
        long seconds = period.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds == 3600 ? "1 hour" : seconds / 3600 + " hours";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "1 minute" : seconds / 60 + " minutes";
        }
        return seconds + " seconds";
    }
}
