package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailSinkTest {

    @Test
    void accepts_and_counts_the_mails_of_one_smtp_session_as_a_relay_sends_them() throws Exception {
        try (MailSink sink = MailSink.start(0)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(sink.smtpPort()));
            props.put("mail.smtp.timeout", "5000");
            Session session = Session.getInstance(props);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < 3; i++) {
                    MimeMessage message = message(session, i);
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
            assertEquals(3, sink.accepted());
            assertTrue(sink.bytes() > 3 * 2_000, "the attachments' bytes were read: " + sink.bytes());
        }
    }

    @Test
    void a_line_that_starts_with_a_dot_does_not_end_the_mail_and_a_lone_dot_does() throws Exception {
        byte[] client =
                ("EHLO x\r\nDATA\r\n.. stuffed\r\nstill the mail\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII);
        MailSink.Lines lines = new MailSink.Lines(new ByteArrayInputStream(client));
        assertEquals("EHLO x", lines.next());
        assertEquals("DATA", lines.next());
        assertEquals(".. stuffed\r\nstill the mail\r\n".length(), lines.skipData());
        assertEquals("QUIT", lines.next());
        assertNull(lines.next());
    }

    @Test
    void a_client_that_leaves_in_the_middle_of_a_mail_has_sent_none() throws Exception {
        MailSink.Lines lines =
                new MailSink.Lines(new ByteArrayInputStream("half a mail\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, lines.skipData());
    }

    private static MimeMessage message(Session session, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@endow.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("donor" + i + "@example.org"));
        message.setSubject("How to pay your gift");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Dear donor,\n.\nA line with only a dot is part of this mail.\n", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[2_000], "application/pdf")));
        pdf.setFileName("payment-instructions.pdf");
        message.setContent(new MimeMultipart(text, pdf));
        return message;
    }
}
