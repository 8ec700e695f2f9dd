package org.endow.gateway.accounts.application;

import java.net.URI;
import java.time.Instant;
import org.endow.gateway.accounts.model.Account;

/** The mails an account holder waits for; queued in the transaction that decided them. */
public interface AccountMails {

    /** The link to set a new password, and until when it works. */
    void passwordResetRequested(Account account, URI link, Instant expiresAt);

    /** The password was changed (so that someone who did not do it knows at once). */
    void passwordChanged(Account account, Instant at);
}
