package org.endow.platform.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code endow.mail.*}: the sender and the SMTP server (env {@code ENDOW_MAIL_SMTP_HOST}, {@code
 * ENDOW_MAIL_SMTP_PORT}, ...). The defaults point at the local stack's mail server.
 *
 * @param from the From address, e.g. {@code Endow <no-reply@endow.local>}
 * @param smtp the server
 * @param relayEnabled whether this process delivers queued mail
 * @param relayInterval how often the relay looks for mail to send
 * @param batchSize how many mails one round sends at most
 * @param maxAttempts after this many failed attempts a mail is marked failed and left for staff
 * @param retryBackoff the wait after the first failure; it doubles with each attempt, up to an hour
 * @param unreachableMaxBackoff while the SMTP server cannot take any mail (unreachable, refusing the login), the relay
 *     waits from {@code retryBackoff}, doubling, up to this long between tries; no attempt is counted against a mail
 */
@ConfigurationProperties("endow.mail")
public record MailProperties(
        @Bindable(defaultValue = "Endow <no-reply@endow.local>")
        String from,

        Smtp smtp,
        @Bindable(defaultValue = "true") boolean relayEnabled,
        @Bindable(defaultValue = "500ms") Duration relayInterval,
        @Bindable(defaultValue = "50") int batchSize,
        @Bindable(defaultValue = "12") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration retryBackoff,
        @Bindable(defaultValue = "1m") Duration unreachableMaxBackoff) {

    /**
     * @param host SMTP host
     * @param port SMTP port
     * @param username login, when the server wants one
     * @param password password (from the environment only)
     * @param startTls require STARTTLS
     * @param timeout connect and read timeout
     */
    @ConfigurationProperties("smtp")
    public record Smtp(
            @Bindable(defaultValue = "127.0.0.1") String host,
            @Bindable(defaultValue = "3025") int port,
            @Nullable String username,
            @Nullable String password,
            @Bindable(defaultValue = "false") boolean startTls,
            @Bindable(defaultValue = "10s") Duration timeout) {}
}
