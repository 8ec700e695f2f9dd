package org.endow.gateway.accounts.infrastructure;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import org.endow.gateway.accounts.application.AccountMails;
import org.endow.gateway.accounts.model.Account;
import org.endow.kernel.HumanTime;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;

/** The account mails, through the platform's mail outbox (written in the deciding transaction, sent by its relay). */
@Singleton
class OutboxAccountMails implements AccountMails {

    private final MailOutbox outbox;

    OutboxAccountMails(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void passwordResetRequested(Account account, URI link, Instant expiresAt) {
        outbox.enqueue(Mail.text(account.email().value(), "Set a new password for your Endow account", """
                Hello %s,

                someone (we hope you) asked to set a new password for the Endow account of this address.
                To choose one, open this link before %s:

                %s

                The link works once. Setting a new password signs you out everywhere.
                If you did not ask for this, you can ignore this mail: your password stays as it is.
                """.formatted(
                        account.displayName(), HumanTime.minute(expiresAt), link)));
    }

    @Override
    public void passwordChanged(Account account, Instant at) {
        outbox.enqueue(Mail.text(account.email().value(), "Your Endow password was changed", """
                Hello %s,

                the password of your Endow account was changed on %s, and the account was signed
                out everywhere else.

                If this was not you, ask for a new password link from the sign-in page at once and tell
                the foundation's staff by replying to this mail.
                """.formatted(
                        account.displayName(), HumanTime.minute(at))));
    }
}
