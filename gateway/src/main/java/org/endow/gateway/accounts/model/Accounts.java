package org.endow.gateway.accounts.model;

import java.util.Optional;

public interface Accounts {

    /** @return false when the email is already taken */
    boolean add(Account account);

    void update(Account account);

    Optional<Account> find(AccountId id);

    Optional<Account> findByEmail(Email email);

    boolean anyWithRole(Role role);
}
