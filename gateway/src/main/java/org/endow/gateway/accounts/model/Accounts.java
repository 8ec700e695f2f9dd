package org.endow.gateway.accounts.model;

import java.util.Optional;

public interface Accounts {

    /** @return false when the email is already taken */
    boolean add(Account account);

    /** Writes the whole account: only after {@link #findForUpdate} in the same transaction. */
    void update(Account account);

    /**
     * Writes only what a sign-in changes (failed attempts, lock-out, last sign-in): a sign-in reads the account without
     * a lock and spends a password hash's time, so writing the whole row back would undo a password reset, a change
     * of password or of roles committed meanwhile.
     */
    void recordSignIn(Account account);

    Optional<Account> find(AccountId id);

    /** The account, its row locked until the transaction ends: for a change of password, roles or sessions. */
    Optional<Account> findForUpdate(AccountId id);

    Optional<Account> findByEmail(Email email);

    boolean anyWithRole(Role role);
}
