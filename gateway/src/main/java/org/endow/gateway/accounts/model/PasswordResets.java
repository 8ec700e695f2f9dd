package org.endow.gateway.accounts.model;

import java.time.Instant;
import java.util.Optional;

/** The password reset links sent. */
public interface PasswordResets {

    void add(PasswordReset reset);

    /** The reset with this token hash, locked until the transaction ends (two submits of one link: one wins). */
    Optional<PasswordReset> findForUpdate(String tokenHash);

    /** How many links were sent for the account since {@code since}. */
    int requestedSince(AccountId account, Instant since);

    /** Every unused link of the account is used up (one reset voids the others). */
    void useAll(AccountId account, Instant now);
}
