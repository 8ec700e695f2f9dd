package org.endow.donations.registrations.infrastructure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.donations.registrations.application.AnsweringOffer;
import org.endow.donations.registrations.application.ApplyingDefaults;
import org.endow.donations.registrations.application.CancellingEvent;
import org.endow.donations.registrations.application.FollowingConversion;
import org.endow.donations.registrations.application.ManagingEvents;
import org.endow.donations.registrations.application.SendingBankRefunds;
import org.endow.donations.registrations.model.Answer;
import org.endow.donations.registrations.model.DefaultAnswer;
import org.endow.events.donations.v1.DonationEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A registration converted against a real PostgreSQL, Kafka and SMTP server (GreenMail). */
class RegistrationConversionIT {

    static ApplicationContext context;
    static GreenMail smtp;
    static JdbcOperations jdbc;
    static TransactionOperations<Connection> tx;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() throws IOException {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Database db = TestInfra.get().freshDatabase("donations_registrations");
        context = ApplicationContext.run(Map.ofEntries(
                Map.entry("datasources.default.url", db.jdbcUrl()),
                Map.entry("datasources.default.username", db.username()),
                Map.entry("datasources.default.password", db.password()),
                Map.entry("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers()),
                Map.entry("endow.messaging.service", "donations-registrations-it-" + UUID.randomUUID()),
                Map.entry("endow.messaging.consumer-enabled", false),
                Map.entry("endow.messaging.relay-enabled", false),
                Map.entry("endow.registrations.defaults-enabled", false),
                Map.entry("endow.registrations.portal-url", "https://portal.test"),
                Map.entry("endow.mail.smtp.port", smtpPort),
                Map.entry("endow.mail.relay-interval", "100ms"),
                Map.entry("micronaut.server.port", -1),
                Map.entry("endow.jwt.public-key", TestInfra.get().jwtKeys().publicKeyPem())));
        jdbc = context.getBean(JdbcOperations.class);
        tx = context.getBean(TransactionOperations.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void a_partial_donation_makes_one_received_donation_and_one_refund_even_when_submitted_twice_at_once()
            throws Exception {
        ManagingEvents managing = context.getBean(ManagingEvents.class);
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "pycon-it",
                        "PyCon IT",
                        "EUR",
                        "general",
                        Instant.now().plus(Duration.ofDays(10)),
                        DefaultAnswer.REFUND));
        managing.importCsv(
                "staff-1",
                "pycon-it",
                "email,name,ticket_type,amount_paid,payment_intent_id\nada@example.org,Ada,regular,120.00,pi_ada\n");
        context.getBean(CancellingEvent.class).cancel("staff-1", "pycon-it");

        await().atMost(Duration.ofSeconds(20)).until(() -> to("ada@example.org").isPresent());
        MimeMessage offer = to("ada@example.org").orElseThrow();
        String body = text(offer);
        Matcher link = Pattern.compile("https://portal.test/registrations/offer/([A-Za-z0-9_-]{43})")
                .matcher(body);
        assertTrue(link.find(), body);
        String token = link.group(1);
        assertEquals(0, count("select count(*) from registration where offer_token_hash = '" + token + "'"));

        AnsweringOffer answering = context.getBean(AnsweringOffer.class);
        List<Callable<Boolean>> submits = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submits.add(() -> answering
                    .answer(new AnsweringOffer.AnswerCommand(token, Answer.DONATE_PART, 4_500L))
                    .newlyMade());
        }
        List<Boolean> made = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Boolean> f : pool.invokeAll(submits)) {
                made.add(f.get());
            }
        }

        assertEquals(1, made.stream().filter(b -> b).count(), "one of the two submits made the answer");
        assertEquals(
                1,
                count("select count(*) from outbox_message where event_type = '"
                        + DonationEvents.DONATION_RECEIVED.name() + "' and message_key in"
                        + " (select cast(donation_id as text) from registration where event_code = 'pycon-it')"));
        assertEquals(
                1,
                count("select count(*) from donation where status = 'RECEIVED' and amount_minor = 4500"
                        + " and received_reference = 'CONVERTED_REGISTRATION:pycon-it'"));
        assertEquals(
                1,
                count("select count(*) from registration where refund_way = 'DUE_BY_BANK' and refunded_minor = 7500"
                        + " and donation_id is not null"));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> text(m).contains("Donated: €45.00")));
        String confirmation = Arrays.stream(smtp.getReceivedMessages())
                .map(RegistrationConversionIT::text)
                .filter(b -> b.contains("Donated: €45.00"))
                .findFirst()
                .orElseThrow();
        assertTrue(confirmation.contains("Refunded: €75.00"), confirmation);
    }

    @Test
    void a_registrant_whose_default_fails_holds_up_no_one_and_gets_it_on_a_later_round() throws Exception {
        ManagingEvents managing = context.getBean(ManagingEvents.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(2));
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "sprint-it", "Sprint IT", "EUR", "general", deadline, DefaultAnswer.DONATE));
        managing.importCsv(
                "staff-1",
                "sprint-it",
                "email,name,ticket_type,amount_paid,payment_intent_id\n"
                        + "amy@example.org,Amy,regular,50.00,\n"
                        + "ben@example.org,Ben,regular,60.00,\n"
                        + "cy@example.org,Cy,regular,70.00,\n");
        context.getBean(CancellingEvent.class).cancel("staff-1", "sprint-it");
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(deadline));
        // a fault for one registrant only: the database refuses any change to ben's row
        execute("create function refuse_ben() returns trigger language plpgsql as"
                + " $$ begin raise exception 'injected fault for ben'; end $$");
        execute("create trigger refuse_ben before update on registration for each row"
                + " when (new.email = 'ben@example.org') execute function refuse_ben()");
        ApplyingDefaults defaults = context.getBean(ApplyingDefaults.class);

        assertEquals(new ApplyingDefaults.Round(2, 1), defaults.applyDue());
        assertEquals(
                2,
                count("select count(*) from registration where event_code = 'sprint-it' and donation_id is not null"));
        assertEquals(
                0,
                count("select count(*) from registration where email = 'ben@example.org' and answer is not null"),
                "ben's attempt left nothing behind");
        assertEquals(
                0,
                count("select count(*) from donation where received_reference = 'CONVERTED_REGISTRATION:sprint-it'"
                        + " and amount_minor = 6000"),
                "and no gift: it rolled back with his answer");

        execute("drop trigger refuse_ben on registration");
        assertEquals(new ApplyingDefaults.Round(1, 0), defaults.applyDue());
        assertEquals(new ApplyingDefaults.Round(0, 0), defaults.applyDue());
        assertEquals(
                3,
                count("select count(*) from donation where received_reference = 'CONVERTED_REGISTRATION:sprint-it'"));
        assertEquals(
                3,
                count("select count(*) from outbox_message where event_type = '"
                        + DonationEvents.DONATION_RECEIVED.name() + "' and message_key in"
                        + " (select cast(donation_id as text) from registration where event_code = 'sprint-it')"),
                "each gift goes to the ledger once");
    }

    @Test
    void a_refund_owed_by_bank_is_recorded_sent_once_even_when_two_staff_record_it_at_once() throws Exception {
        ManagingEvents managing = context.getBean(ManagingEvents.class);
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "summit-it",
                        "Summit IT",
                        "EUR",
                        "general",
                        Instant.now().plus(Duration.ofDays(10)),
                        DefaultAnswer.REFUND));
        managing.importCsv(
                "staff-1",
                "summit-it",
                "email,name,ticket_type,amount_paid,payment_intent_id\ndee@example.org,Dee,regular,80.00,\n");
        context.getBean(CancellingEvent.class).cancel("staff-1", "summit-it");
        await().atMost(Duration.ofSeconds(20)).until(() -> to("dee@example.org").isPresent());
        Matcher link = Pattern.compile("https://portal.test/registrations/offer/([A-Za-z0-9_-]{43})")
                .matcher(text(to("dee@example.org").orElseThrow()));
        assertTrue(link.find());
        context.getBean(AnsweringOffer.class)
                .answer(new AnsweringOffer.AnswerCommand(link.group(1), Answer.REFUND, null));
        SendingBankRefunds bankRefunds = context.getBean(SendingBankRefunds.class);
        FollowingConversion following = context.getBean(FollowingConversion.class);
        assertEquals(
                List.of("dee@example.org 8000 EUR owed"),
                bankRefunds.list("summit-it").stream()
                        .map(r -> r.email() + " " + r.amount().minor() + " "
                                + r.amount().currencyCode() + " " + (r.sent().isPresent() ? "sent" : "owed"))
                        .toList());
        assertEquals(
                8_000, following.tally("summit-it").tally().refundsDueByBank().minor());

        List<Callable<String>> records = new ArrayList<>();
        for (String staff : List.of("staff-1", "staff-2")) {
            records.add(() -> {
                try {
                    return bankRefunds
                            .recordSent(staff, "summit-it", "dee@example.org", "TRX-" + staff)
                            .sent()
                            .orElseThrow()
                            .by();
                } catch (org.endow.platform.problem.ProblemException e) {
                    return e.status().getCode() + "";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<String> f : pool.invokeAll(records)) {
                outcomes.add(f.get());
            }
        }

        assertEquals(1, outcomes.stream().filter("409"::equals).count(), outcomes.toString());
        String by = outcomes.stream()
                .filter(o -> o.startsWith("staff-"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                1,
                count("select count(*) from registration where event_code = 'summit-it' and bank_refund_sent_by = '"
                        + by + "' and bank_refund_sent_reference = 'TRX-" + by + "'"
                        + " and bank_refund_sent_at is not null"));
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'registrations.bank-refund.sent'"
                        + " and target = 'summit-it/dee@example.org'"));
        var tally = following.tally("summit-it").tally();
        assertEquals(0, tally.refundsDueByBank().minor());
        assertEquals(8_000, tally.refunded().minor());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(m -> text(m).contains("we have sent your refund of €80.00")));
    }

    static void execute(String sql) {
        tx.executeWrite(status -> jdbc.prepareStatement(sql, statement -> statement.execute()));
    }

    /** The first mail the SMTP server received for {@code recipient} (the tests share one server). */
    static java.util.Optional<MimeMessage> to(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return recipient.equals(m.getAllRecipients()[0].toString());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst();
    }

    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
