package org.endow.platform.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/** Which failures of a send are the server's state (no attempt counted against the mail) and which the mail's. */
class SmtpTransportTest {

    @Test
    void a_server_that_cannot_be_reached_answers_too_late_or_refuses_our_login_is_unavailable() throws Exception {
        assertTrue(SmtpTransport.isUnavailable(new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "smtp.example.org", 587, 10_000))));
        assertTrue(SmtpTransport.isUnavailable(new AuthenticationFailedException("535 5.7.8 Authentication failed")));
        assertTrue(SmtpTransport.isUnavailable(
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))));
        assertTrue(SmtpTransport.isUnavailable(
                new SMTPSendFailedException("DATA", 421, "421 4.3.2 Service shutting down", null, null, null, null)));
        assertTrue(SmtpTransport.isUnavailable(new SMTPSenderFailedException(
                new InternetAddress("no-reply@endow.local"), "MAIL FROM", 530, "530 5.7.0 Authentication required")));
    }

    @Test
    void a_refusal_of_one_mail_is_that_mails_failure() throws Exception {
        assertFalse(SmtpTransport.isUnavailable(new SendFailedException(
                "Invalid Addresses",
                new SMTPAddressFailedException(
                        new InternetAddress("nobody@example.org"), "RCPT TO", 550, "550 5.1.1 No such user"))));
        assertFalse(SmtpTransport.isUnavailable(
                new SMTPSendFailedException("DATA", 554, "554 5.6.0 Message rejected", null, null, null, null)));
    }
}
