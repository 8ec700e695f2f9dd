package org.endow.gateway.accounts.model;

import java.util.Optional;

/** Authenticators by account. */
public interface SecondFactors {

    Optional<SecondFactor> find(AccountId account);

    /** Inserts or replaces the account's factor. */
    void save(SecondFactor factor);
}
