package org.endow.platform.mail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.endow.devstack.TestInfra;
import org.endow.platform.messaging.MessagingScenarios;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The mail relay while the SMTP server cannot be reached, for longer than a mail's attempts would last: an outage is
 * not the mails' fault. Its own context, with two attempts per mail and short waits, so that "longer" is seconds.
 */
class MailOutageIT {

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
        properties.put("endow.mail.relay-interval", "50ms");
        // a mail the server refuses twice is failed for good, after 100 ms and 200 ms
        properties.put("endow.mail.max-attempts", 2);
        properties.put("endow.mail.retry-backoff", "100ms");
        properties.put("endow.mail.unreachable-max-backoff", "200ms");
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

    @Test
    void
            mails_due_while_the_smtp_server_is_down_longer_than_their_attempts_last_are_not_failed_and_go_out_when_it_is_back()
                    throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> recipients = IntStream.range(0, 3)
                .mapToObj(i -> "receipt-" + i + "-" + run + "@example.org")
                .toList();
        transactions.executeWrite(status -> mails.enqueueAll(recipients.stream()
                .map(to -> Mail.text(to, "Your receipt", "Thank you."))
                .toList()));

        // some 10 rounds find the server down: two attempts each would have failed every mail within 300 ms
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(0L, count("failed_at is not null", run), "mails failed for good");
            assertEquals(0L, count("attempts > 0", run), "attempts counted against the mails");
        });
        Map<String, Object> health = health();
        assertEquals(0L, health.get("failed"));
        assertTrue(String.valueOf(health.get("smtp")).startsWith("cannot take mail since"), health.toString());

        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> count("sent_at is not null", run) == 3);
            for (String to : recipients) {
                assertEquals(1, received(server, to), to);
            }
            assertEquals(3L, count("attempts = 1 and failed_at is null", run));
            await().atMost(Duration.ofSeconds(10)).until(() -> "no outage".equals(health().get("smtp")));
        } finally {
            server.stop();
        }
    }

    @Test
    void a_mail_given_up_on_is_counted_listed_and_sent_once_an_admin_queues_it_again() throws Exception {
        String to = "given-up-" + UUID.randomUUID() + "@example.org";
        long id = transactions.executeWrite(status -> mails.enqueue(Mail.text(to, "Payment instructions", "IBAN ...")));
        // as the relay leaves a mail the server refused max-attempts times
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "update mail_outbox set attempts = 2, failed_at = now(), last_error = '554 rejected' where id = ?",
                statement -> {
                    statement.setLong(1, id);
                    return statement.executeUpdate();
                }));
        FailedMails failed = context.getBean(FailedMails.class);

        assertEquals(1L, health().get("failed"));
        FailedMails.FailedMail listed = failed.list(10).stream()
                .filter(mail -> mail.id() == id)
                .findFirst()
                .orElseThrow();
        assertEquals(to, listed.recipient());
        assertEquals("554 rejected", listed.lastError());

        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            failed.requeue(id, "admin-1");
            await().atMost(Duration.ofSeconds(30)).until(() -> received(server, to) == 1);
            assertEquals(0L, failed.count());
            assertEquals(0L, health().get("failed"));
            assertEquals(
                    Long.valueOf(1L),
                    transactions.<Long>executeRead(status -> jdbc.prepareStatement(
                            "select count(*) from audit_log where action = 'mail.requeued' and target = ?",
                            statement -> {
                                statement.setString(1, "mail/" + id);
                                try (ResultSet rs = statement.executeQuery()) {
                                    rs.next();
                                    return rs.getLong(1);
                                }
                            })));
            ProblemException twice = assertThrows(ProblemException.class, () -> failed.requeue(id, "admin-1"));
            assertEquals(409, twice.status().getCode());
        } finally {
            server.stop();
        }
    }

    @SuppressWarnings("unchecked") // the indicator's details are the map it built
    private static Map<String, Object> health() {
        return (Map<String, Object>)
                Mono.from(context.getBean(MailHealthIndicator.class).getResult())
                        .block()
                        .getDetails();
    }

    private static long received(GreenMail server, String to) throws jakarta.mail.MessagingException {
        long n = 0;
        for (MimeMessage message : server.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                n++;
            }
        }
        return n;
    }

    private static long count(String condition, String run) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "select count(*) from mail_outbox where recipient like ? and " + condition, statement -> {
                    statement.setString(1, "%" + run + "%");
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }
}
