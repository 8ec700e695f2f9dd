package org.endow.gateway.accounts.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An account's authenticator (TOTP). Pending until the holder proves it works with one code; then every sign-in
 * needs a code, and a code is accepted once only (a replayed code is refused).
 */
public final class SecondFactor {

    private final AccountId account;
    private final byte[] secret;
    private Instant enabledAt;
    private long lastUsedStep;

    public SecondFactor(AccountId account, byte[] secret, Instant enabledAt, long lastUsedStep) {
        this.account = Objects.requireNonNull(account);
        this.secret = secret.clone();
        this.enabledAt = enabledAt;
        this.lastUsedStep = lastUsedStep;
    }

    public static SecondFactor pending(AccountId account, byte[] secret) {
        return new SecondFactor(account, secret, null, -1);
    }

    public boolean enabled() {
        return enabledAt != null;
    }

    /** Enables a pending factor when {@code code} is right. */
    public boolean confirm(String code, Instant now) {
        if (!accept(code, now)) {
            return false;
        }
        if (enabledAt == null) {
            enabledAt = now;
        }
        return true;
    }

    /** Whether {@code code} is a current code not used before; a right code is used up. */
    public boolean accept(String code, Instant now) {
        long step = Totp.matchingStep(secret, code, now);
        if (step < 0 || step <= lastUsedStep) {
            return false;
        }
        lastUsedStep = step;
        return true;
    }

    public AccountId account() {
        return account;
    }

    public byte[] secret() {
        return secret.clone();
    }

    public Instant enabledAt() {
        return enabledAt;
    }

    public long lastUsedStep() {
        return lastUsedStep;
    }
}
