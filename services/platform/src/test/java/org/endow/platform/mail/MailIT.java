package org.endow.platform.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.TestInfra;
import org.endow.platform.messaging.MessagingScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mail outbox against a real PostgreSQL and a real SMTP server (GreenMail). */
class MailIT {

    static int smtpPort;
    static ApplicationContext context;
    static MailOutbox mails;
    static TransactionOperations<Connection> transactions;
    static JdbcOperations jdbc;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        Map<String, Object> properties =
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("endow.messaging.consumer-enabled", false);
        properties.put("test.recording-handler", false);
        properties.put("endow.mail.smtp.port", smtpPort);
        properties.put("endow.mail.from", "Endow Test <no-reply@endow.test>");
        properties.put("endow.mail.relay-interval", "100ms");
        properties.put("endow.mail.retry-backoff", "200ms");
        context = ApplicationContext.run(properties);
        mails = context.getBean(MailOutbox.class);
        transactions = context.getBean(TransactionOperations.class);
        jdbc = context.getBean(JdbcOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static GreenMail smtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Test
    void a_mail_queued_in_a_committed_transaction_arrives_once_with_its_attachment() throws Exception {
        GreenMail server = smtpServer();
        try {
            String to = "donor-" + UUID.randomUUID() + "@example.org";
            byte[] pdf = "%PDF-1.7 receipt".getBytes(StandardCharsets.US_ASCII);
            transactions.executeWrite(status -> mails.enqueue(
                    new Mail(to, "Thank you — receipt 2026-000001", "Thank you for your gift.", java.util.List.of())
                            .with(Mail.Attachment.pdf("receipt-2026-000001.pdf", pdf))));

            await().atMost(Duration.ofSeconds(20)).until(() -> received(server, to).length == 1);
            MimeMessage received = received(server, to)[0];
            assertEquals("Thank you — receipt 2026-000001", received.getSubject());
            assertEquals("Endow Test <no-reply@endow.test>", received.getFrom()[0].toString());
            MimeMultipart parts = (MimeMultipart) received.getContent();
            assertEquals(2, parts.getCount());
            assertTrue(GreenMailUtil.getBody(parts.getBodyPart(0)).contains("Thank you for your gift."));
            assertEquals("receipt-2026-000001.pdf", parts.getBodyPart(1).getFileName());
            assertTrue(parts.getBodyPart(1).getContentType().startsWith("application/pdf"));
            await().atMost(Duration.ofSeconds(5)).until(() -> sentAt(to) != null);
            // later relay rounds (every 100 ms) must not send it again
            await().during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> received(server, to).length == 1);
        } finally {
            server.stop();
        }
    }

    @Test
    void mails_queued_together_are_delivered_in_one_round_each_once_with_its_own_attachments() throws Exception {
        GreenMail server = smtpServer();
        try {
            SmtpTransport.WriteTimeouts writeTimeouts =
                    context.getBean(SmtpTransport.class).writeTimeouts();
            long timedBefore = writeTimeouts.writesTimed();
            String batch = UUID.randomUUID().toString();
            java.util.List<String> recipients = new java.util.ArrayList<>();
            // queued with one write for the mails and one for their attachments (enqueueAll), sent in one round
            java.util.List<Mail> queued = new java.util.ArrayList<>();
            transactions.executeWrite(status -> {
                for (int i = 0; i < 12; i++) {
                    String to = "round-" + i + "-" + batch + "@example.org";
                    recipients.add(to);
                    Mail mail = Mail.text(to, "Mail " + i, "Body " + i);
                    if (i % 2 == 0) {
                        mail = mail.with(Mail.Attachment.pdf(
                                        "doc-" + i + ".pdf", ("%PDF " + i).getBytes(StandardCharsets.US_ASCII)))
                                .with(Mail.Attachment.pdf(
                                        "copy-" + i + ".pdf", ("%PDF copy " + i).getBytes(StandardCharsets.US_ASCII)));
                    }
                    queued.add(mail);
                }
                return mails.enqueueAll(queued);
            });

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> recipients.stream().allMatch(to -> sentAt(to) != null));
            for (int i = 0; i < recipients.size(); i++) {
                String to = recipients.get(i);
                MimeMessage[] received = received(server, to);
                assertEquals(1, received.length, to);
                assertEquals("Mail " + i, received[0].getSubject());
                assertEquals(1, attempts(to), to);
                if (i % 2 == 0) {
                    MimeMultipart parts = (MimeMultipart) received[0].getContent();
                    assertEquals(3, parts.getCount(), to);
                    assertEquals("doc-" + i + ".pdf", parts.getBodyPart(1).getFileName());
                    assertEquals(
                            "%PDF " + i,
                            new String(
                                    parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
                    assertEquals("copy-" + i + ".pdf", parts.getBodyPart(2).getFileName());
                } else {
                    assertTrue(GreenMailUtil.getBody(received[0]).contains("Body " + i));
                }
            }
            // every write of the round was timed on the one shared thread, which outlives the connection, and
            // no timer is left queued once its write ended
            assertTrue(writeTimeouts.writesTimed() > timedBefore);
            assertFalse(writeTimeouts.isShutdown());
            assertEquals(0, writeTimeouts.getQueue().size());
        } finally {
            server.stop();
        }
    }

    @Test
    void a_rolled_back_transaction_sends_nothing_and_outside_a_transaction_is_refused() {
        String to = "rolled-back-" + UUID.randomUUID() + "@example.org";
        assertThrows(
                IllegalStateException.class,
                () -> transactions.executeWrite(status -> {
                    mails.enqueue(Mail.text(to, "never", "never"));
                    throw new IllegalStateException("the business decision failed");
                }));
        assertEquals(0L, count(to));
        assertThrows(TransactionException.class, () -> mails.enqueue(Mail.text(to, "no", "no")));
        assertEquals(0L, count(to));
    }

    @Test
    void a_mail_queued_while_the_smtp_server_is_down_is_delivered_when_it_comes_back() throws Exception {
        String to = "patient-" + UUID.randomUUID() + "@example.org";
        transactions.executeWrite(status -> mails.enqueue(Mail.text(to, "Your application", "Approved.")));
        // the relay found the server down; an outage is no mail's fault, so no attempt is counted against it
        await().atMost(Duration.ofSeconds(20))
                .until(() -> context.getBean(MailRelay.class).outage().isPresent());
        assertEquals(null, sentAt(to));
        assertEquals(0, attempts(to));

        GreenMail server = smtpServer();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> received(server, to).length == 1);
            assertEquals("Your application", received(server, to)[0].getSubject());
        } finally {
            server.stop();
        }
    }

    private static MimeMessage[] received(GreenMail server, String to) throws jakarta.mail.MessagingException {
        java.util.List<MimeMessage> mine = new java.util.ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                mine.add(message);
            }
        }
        return mine.toArray(MimeMessage[]::new);
    }

    private static long count(String to) {
        return transactions.executeRead(status ->
                jdbc.prepareStatement("select count(*) from mail_outbox where recipient = ?", statement -> {
                    statement.setString(1, to);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    @Test
    void the_relay_reads_only_unsent_mail_however_many_sent_mails_are_kept() {
        // 20,000 mails kept as the record of what people were told, and statistics that still see them unsent (as
        // after a busy hour, before autovacuum analyses the table again): a plan walking the primary key from the
        // first mail ever queued would look cheap and filter out all 20,000
        transactions.executeWrite(status -> {
            jdbc.prepareStatement(
                    "insert into mail_outbox (recipient, subject, body, next_attempt_at)"
                            + " select 'kept' || n || '@endow.test', 'Sent', 'Body', now() - interval '1 hour'"
                            + " from generate_series(1, 20000) n",
                    statement -> statement.executeUpdate());
            jdbc.prepareStatement("analyze mail_outbox", statement -> statement.execute());
            return jdbc.prepareStatement(
                    "update mail_outbox set sent_at = now(), attempts = 1 where recipient like 'kept%'",
                    statement -> statement.executeUpdate());
        });

        String plan = transactions.executeWrite(status -> jdbc.prepareStatement(
                "explain (analyze, format text) " + MailRelay.DUE.replace("limit ?", "limit 50"), statement -> {
                    StringBuilder text = new StringBuilder();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            text.append(rs.getString(1)).append('\n');
                        }
                    }
                    return text.toString();
                }));

        assertTrue(plan.contains("mail_outbox_unsent"), plan);
        // no walk over the sent rows: whatever the plan filters out, it is not the 20,000 kept mails
        Matcher removed = Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
        while (removed.find()) {
            assertTrue(Long.parseLong(removed.group(1)) < 1_000, plan);
        }
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    private static int attempts(String to) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "select coalesce(max(attempts), 0) from mail_outbox where recipient = ?", statement -> {
                    statement.setString(1, to);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }));
    }

    private static java.sql.Timestamp sentAt(String to) {
        return transactions.executeRead(status ->
                jdbc.prepareStatement("select max(sent_at) from mail_outbox where recipient = ?", statement -> {
                    statement.setString(1, to);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getTimestamp(1);
                    }
                }));
    }
}
