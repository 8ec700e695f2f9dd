package org.endow.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/** Sends mail over SMTP with Jakarta Mail (Eclipse Angus), a round of mails over one connection. */
@Singleton
class SmtpTransport {

    private final MailProperties properties;
    private final Session session;

    /**
     * Times every write to the SMTP server out ({@code mail.smtp.writetimeout}). Without an executor of its own, Angus
     * starts a thread for each connection and stops it when the connection closes: a thread for each round of mails.
     * This one thread serves them all; a write's timer is removed from its queue when the write ends in time.
     */
    private final WriteTimeouts writeTimeouts = new WriteTimeouts();

    /**
     * Jakarta Mail 2.1 looks its stream provider up with a {@code ServiceLoader} scan of every jar on the class path
     * for each body part, multipart and encoded header it makes (jakartaee/mail-api#861, open): a third of the mail
     * relay's CPU in a profile of the pledge bench. Its lookup reads this system property first, which names the one
     * provider there is; one that is set already is left alone.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            try {
                Class.forName(ANGUS_STREAM_PROVIDER, false, SmtpTransport.class.getClassLoader());
                System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
            } catch (ClassNotFoundException another) {
                // another implementation of Jakarta Mail: its own lookup finds it
            }
        }
    }

    SmtpTransport(MailProperties properties) {
        nameTheStreamProvider();
        this.properties = properties;
        MailProperties.Smtp smtp = properties.smtp();
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
        props.put("mail.smtp.executor.writetimeout", writeTimeouts);
        boolean auth = smtp.username() != null && !smtp.username().isBlank();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        if (smtp.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(props);
    }

    /** The thread that times writes out, shared by every connection (Angus leaves an executor it is given running). */
    WriteTimeouts writeTimeouts() {
        return writeTimeouts;
    }

    /** One daemon thread for the timers, each removed when its write ends; counts the writes it timed. */
    static final class WriteTimeouts extends ScheduledThreadPoolExecutor {

        private final LongAdder writesTimed = new LongAdder();

        WriteTimeouts() {
            super(1, task -> {
                Thread thread = new Thread(task, "smtp-write-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            setRemoveOnCancelPolicy(true);
        }

        @Override
        protected <V> RunnableScheduledFuture<V> decorateTask(Callable<V> timer, RunnableScheduledFuture<V> task) {
            writesTimed.increment();
            return task;
        }

        long writesTimed() {
            return writesTimed.sum();
        }
    }

    @PreDestroy
    void stop() {
        writeTimeouts.shutdownNow();
    }

    /** A connection for a round of mails, opened at its first mail: one SMTP session instead of one per mail. */
    Delivery open() {
        return new Delivery();
    }

    final class Delivery implements AutoCloseable {

        private Transport transport;

        private Delivery() {}

        /**
         * Delivers {@code mail}; {@code messageId} makes the Message-ID stable, so that a mail sent again after a
         * crash between sending and recording it can be recognised as the same one.
         */
        void send(long messageId, Mail mail, Instant queuedAt) throws MessagingException {
            MimeMessage message = message(messageId, mail, queuedAt);
            message.saveChanges();
            if (transport == null || !transport.isConnected()) {
                close();
                try {
                    transport = session.getTransport("smtp");
                    MailProperties.Smtp smtp = properties.smtp();
                    if (smtp.username() != null && !smtp.username().isBlank()) {
                        transport.connect(smtp.username(), smtp.password());
                    } else {
                        transport.connect();
                    }
                } catch (MessagingException e) {
                    // no mail was handed over yet: whatever stops the session (no answer, a refused login, no
                    // STARTTLS) is the server's or our configuration's, never this mail's
                    close();
                    throw new Unavailable(e);
                }
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                if (isUnavailable(e)) {
                    close();
                    throw new Unavailable(e);
                }
                throw e;
            }
        }

        /** Ends the SMTP session (QUIT); a failure to say goodbye loses nothing. */
        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the mails of the round were accepted or are retried; nothing depends on the goodbye
                }
                transport = null;
            }
        }
    }

    /**
     * The SMTP server cannot take any mail now: it cannot be reached or does not answer in time, refuses our login,
     * drops the connection, says it is closing (421) or wants a login (530, 535), or refuses our own From address,
     * which every mail has. Not counted against the mail that met it.
     */
    static final class Unavailable extends MessagingException {

        Unavailable(MessagingException cause) {
            super(cause.toString(), cause);
        }
    }

    /** Whether the failure of a send is the server's state rather than a refusal of that one mail (see {@link Unavailable}). */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Unavailable
                    || t instanceof MailConnectException
                    || t instanceof AuthenticationFailedException
                    || t instanceof SMTPSenderFailedException
                    || t instanceof IOException) {
                return true;
            }
            int code = t instanceof SMTPSendFailedException send
                    ? send.getReturnCode()
                    : t instanceof SMTPAddressFailedException address ? address.getReturnCode() : 0;
            if (code == 421 || code == 530 || code == 535) {
                return true;
            }
        }
        return false;
    }

    private MimeMessage message(long messageId, Mail mail, Instant queuedAt) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<endow-mail-" + messageId + "-" + queuedAt.toEpochMilli() + "@endow>");
            }
        };
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(queuedAt));
        if (mail.attachments().isEmpty()) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart multipart = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(mail.text(), StandardCharsets.UTF_8.name());
            multipart.addBodyPart(body);
            for (Mail.Attachment attachment : mail.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.filename());
                multipart.addBodyPart(part);
            }
            message.setContent(multipart);
        }
        return message;
    }
}
