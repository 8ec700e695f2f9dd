package org.endow.gateway.accounts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.SecondFactor;
import org.endow.gateway.accounts.model.SecondFactors;
import org.endow.gateway.accounts.model.Totp;
import org.endow.platform.problem.ProblemException;

/**
 * Setting up an authenticator: a new secret the holder types (or scans) into their app, then one code to prove it
 * works. An enabled authenticator is replaced only after signing in with it; removing one is an administrator's
 * decision (not offered here yet).
 */
@Singleton
public class EnrollingSecondFactor {

    private final SecondFactors factors;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EnrollingSecondFactor(SecondFactors factors, Accounts accounts, AuditLog audit, Clock clock) {
        this.factors = factors;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The secret to put in the authenticator app. */
    public record Enrolment(String secret, String otpauthUri) {}

    @Transactional
    public Enrolment start(AccountId account) {
        if (factors.find(account).filter(SecondFactor::enabled).isPresent()) {
            throw ProblemException.conflict("Two-factor sign-in is already set up for this account");
        }
        String email = accounts.find(account)
                .orElseThrow(() -> ProblemException.notFound("No account " + account))
                .email()
                .value();
        byte[] secret = Totp.newSecret(random);
        factors.save(SecondFactor.pending(account, secret));
        String base32 = Totp.base32(secret);
        String label =
                URLEncoder.encode("Endow:" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(
                base32,
                "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=Endow&algorithm=SHA1&digits=" + Totp.DIGITS
                        + "&period=" + Totp.STEP_SECONDS);
    }

    @Transactional
    public void confirm(AccountId account, String code) {
        SecondFactor factor = factors.find(account)
                .orElseThrow(() -> ProblemException.conflict("Start the set-up first: no authenticator is pending"));
        if (factor.enabled()) {
            throw ProblemException.conflict("Two-factor sign-in is already set up for this account");
        }
        if (!factor.confirm(code, clock.instant())) {
            throw ProblemException.invalidField("code", "That code is wrong or expired: check the app's clock");
        }
        factors.save(factor);
        audit.record(new AuditEntry(
                account.toString(), "account.second-factor-enabled", account.toString(), "TOTP", clock.instant()));
    }

    @Transactional(readOnly = true)
    public boolean enabled(AccountId account) {
        return factors.find(account).filter(SecondFactor::enabled).isPresent();
    }
}
