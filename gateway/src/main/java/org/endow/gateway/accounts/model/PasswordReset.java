package org.endow.gateway.accounts.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A link sent to an account's email to set a new password: known here only by the hash of its token, usable once,
 * until it expires.
 */
public record PasswordReset(
        String tokenHash, AccountId accountId, Instant requestedAt, Instant expiresAt, Instant usedAt) {

    public PasswordReset {
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(requestedAt);
        Objects.requireNonNull(expiresAt);
    }

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
