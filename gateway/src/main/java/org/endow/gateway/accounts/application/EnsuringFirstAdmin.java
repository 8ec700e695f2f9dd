package org.endow.gateway.accounts.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.PasswordHasher;
import org.endow.gateway.accounts.model.PasswordPolicy;
import org.endow.gateway.accounts.model.Role;

/**
 * Makes sure someone can administer a fresh installation: when no ADMIN exists, creates one from
 * the configured email and password, or with a generated password that is shown once.
 */
@Singleton
public class EnsuringFirstAdmin {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    EnsuringFirstAdmin(Accounts accounts, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the generated password when one was generated, to be shown once */
    @Transactional
    public Optional<String> ensure(String email, String configuredPassword) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return Optional.empty();
        }
        Email address = Email.parse(email)
                .orElseThrow(() -> new IllegalStateException("ENDOW_ADMIN_EMAIL is not an email: " + email));
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? generatePassword() : configuredPassword;
        PasswordPolicy.refusal(password, email).ifPresent(reason -> {
            throw new IllegalStateException("ENDOW_ADMIN_PASSWORD " + reason);
        });
        Optional<Account> existing = accounts.findByEmail(address);
        if (existing.isPresent()) {
            Account account = existing.get();
            EnumSet<Role> roles = EnumSet.of(Role.ADMIN, Role.STAFF);
            roles.addAll(account.roles());
            account.grant(roles, clock.instant());
            accounts.update(account);
            audit.record(new AuditEntry(
                    "system", "account.first-admin", account.id().toString(), "promoted", clock.instant()));
            return Optional.empty();
        }
        Account admin = Account.open(
                AccountId.random(),
                address,
                "Administrator",
                hasher.hash(password),
                EnumSet.of(Role.ADMIN, Role.STAFF),
                clock.instant());
        accounts.add(admin);
        audit.record(
                new AuditEntry("system", "account.first-admin", admin.id().toString(), "created", clock.instant()));
        return generate ? Optional.of(password) : Optional.empty();
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
