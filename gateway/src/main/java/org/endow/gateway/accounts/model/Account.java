package org.endow.gateway.accounts.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A person who can sign in. The password is only ever held as a hash. */
public final class Account {

    private final AccountId id;
    private final Email email;
    private final String displayName;
    private String passwordHash;
    private final Set<Role> roles;
    private final Instant createdAt;
    private int failedSignIns;
    private Instant lockedUntil;
    private Instant lastSignInAt;
    private int sessionGeneration;
    private Instant sessionsEndedAt;

    public Account(
            AccountId id,
            Email email,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Instant createdAt,
            int failedSignIns,
            Instant lockedUntil,
            Instant lastSignInAt,
            int sessionGeneration,
            Instant sessionsEndedAt) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(email);
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.failedSignIns = failedSignIns;
        this.lockedUntil = lockedUntil;
        this.lastSignInAt = lastSignInAt;
        this.sessionGeneration = sessionGeneration;
        this.sessionsEndedAt = sessionsEndedAt;
    }

    public static Account open(
            AccountId id, Email email, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        return new Account(id, email, displayName, passwordHash, roles, now, 0, null, null, 0, null);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A wrong password: after {@code maxFailures} in a row the account locks for {@code lockFor}. */
    public void signInFailed(Instant now, int maxFailures, Duration lockFor) {
        failedSignIns++;
        if (failedSignIns >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedSignIns = 0;
        }
    }

    public void signedIn(Instant now) {
        failedSignIns = 0;
        lockedUntil = null;
        lastSignInAt = now;
    }

    /**
     * Sets the roles. A change ends every session of the account: a token carries the roles it was issued with, so
     * one issued before would keep a role taken away (or lack one given) until it expired.
     *
     * @return whether the roles changed
     */
    public boolean grant(Set<Role> newRoles, Instant now) {
        Set<Role> wanted = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
        if (wanted.equals(roles)) {
            return false;
        }
        roles.clear();
        roles.addAll(wanted);
        endSessions(now);
        return true;
    }

    /**
     * A new password (set through a reset link): the lock-out is lifted, and every session ends, the one who knew the
     * old password included.
     */
    public void changePassword(String newPasswordHash, Instant now) {
        passwordHash = Objects.requireNonNull(newPasswordHash);
        failedSignIns = 0;
        lockedUntil = null;
        endSessions(now);
    }

    /** Every token issued so far stops working: a token names the generation it was issued in. */
    public void endSessions(Instant now) {
        sessionGeneration++;
        sessionsEndedAt = now;
    }

    public AccountId id() {
        return id;
    }

    public Email email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    /** Goes up each time all of the account's sessions end; a token is valid only in the generation it names. */
    public int sessionGeneration() {
        return sessionGeneration;
    }

    public Instant sessionsEndedAt() {
        return sessionsEndedAt;
    }
}
