package org.endow.gateway.accounts.model;

import java.util.Optional;

/** Authenticators by account. */
public interface SecondFactors {

    Optional<SecondFactor> find(AccountId account);

    /** Inserts or replaces the account's factor. */
    void save(SecondFactor factor);

    /**
     * Uses up {@code step}'s code of the account's enabled factor, if no code of that step or a later one was used
     * since it was read: the one write that lets a code sign in, made conditionally so that of two sign-ins with the
     * same code, read at the same time, one only succeeds (the other waits for the first to commit, then finds the
     * step used).
     *
     * @return whether this sign-in used the step; false when another one used it (or a later one) first
     */
    boolean use(AccountId account, long step);
}
