package org.endow.gateway.accounts.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.PasswordPolicy;
import org.endow.gateway.accounts.model.PasswordReset;
import org.endow.gateway.accounts.model.PasswordResets;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/**
 * A person who forgot their password asks for a link by mail and sets a new one with it. Asking answers the same
 * whether the email has an account or not; a link works once, for a while, and a new password ends every session of
 * the account and is confirmed by mail. A second factor, where the account has one, is still asked at sign-in.
 */
@Singleton
public class ResettingPasswords {

    private final Accounts accounts;
    private final PasswordResets resets;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final AccountMails mails;
    private final PasswordResetPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ResettingPasswords(
            Accounts accounts,
            PasswordResets resets,
            PasswordHasher hasher,
            AuditLog audit,
            AccountMails mails,
            PasswordResetPolicy policy,
            Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.hasher = hasher;
        this.audit = audit;
        this.mails = mails;
        this.policy = policy;
        this.clock = clock;
    }

    /** Sends a link when the email has an account (and not too many were sent this hour); answers alike otherwise. */
    @Transactional
    public void request(String email) {
        Email address = Email.parse(email)
                .orElseThrow(() -> ProblemException.invalidField("email", "must be an email address"));
        Optional<Account> found = accounts.findByEmail(address);
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (resets.requestedSince(account.id(), now.minus(Duration.ofHours(1))) >= policy.maxPerHour()) {
            return; // the links already sent still work; a flood of requests does not flood the inbox
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(policy.validFor());
        resets.add(new PasswordReset(hash(token), account.id(), now, expires, null));
        mails.passwordResetRequested(account, policy.link(token), expires);
        audit.record(new AuditEntry(
                account.id().toString(),
                "account.password-reset-requested",
                account.id().toString(),
                "",
                now));
    }

    /**
     * Sets the new password of the link's account.
     *
     * @throws ProblemException 410 for a link unknown, used or expired; 422 for a password the policy refuses
     */
    @Transactional
    public Account reset(String token, String newPassword) {
        Instant now = clock.instant();
        PasswordReset reset = (token == null || token.isBlank()
                        ? Optional.<PasswordReset>empty()
                        : resets.findForUpdate(hash(token)))
                .filter(r -> r.usable(now))
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.GONE,
                        "Link no longer valid",
                        "This link has expired or was used already. Ask for a new one.",
                        List.of()));
        Account account = accounts.findForUpdate(reset.accountId()).orElseThrow();
        PasswordPolicy.refusal(newPassword, account.email().value()).ifPresent(reason -> {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Invalid request",
                    "password: " + reason,
                    List.of(new Problem.FieldError("password", reason)));
        });
        account.changePassword(hasher.hash(newPassword), now);
        accounts.update(account);
        resets.useAll(account.id(), now);
        audit.record(new AuditEntry(
                account.id().toString(),
                "account.password-reset",
                account.id().toString(),
                "every session ended",
                now));
        mails.passwordChanged(account, now);
        return account;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
