package org.endow.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Sends one mail over SMTP with Jakarta Mail (Eclipse Angus). */
@Singleton
class SmtpTransport {

    private final MailProperties properties;
    private final Session session;

    SmtpTransport(MailProperties properties) {
        this.properties = properties;
        MailProperties.Smtp smtp = properties.smtp();
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
        boolean auth = smtp.username() != null && !smtp.username().isBlank();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        if (smtp.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(props);
    }

    /**
     * Delivers {@code mail}; {@code messageId} makes the Message-ID stable, so that a mail sent again after a crash
     * between sending and recording it can be recognised as the same one.
     */
    void send(long messageId, Mail mail, Instant queuedAt) throws MessagingException {
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
        MailProperties.Smtp smtp = properties.smtp();
        if (smtp.username() != null && !smtp.username().isBlank()) {
            Transport.send(message, smtp.username(), smtp.password());
        } else {
            Transport.send(message);
        }
    }
}
