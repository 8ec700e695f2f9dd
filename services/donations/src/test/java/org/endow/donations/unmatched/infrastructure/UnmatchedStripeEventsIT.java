package org.endow.donations.unmatched.infrastructure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.stripe.StripeClient;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.Database;
import org.endow.devstack.JwtKeys;
import org.endow.devstack.TestInfra;
import org.endow.donations.registrations.application.AnsweringOffer;
import org.endow.donations.registrations.application.CancellingEvent;
import org.endow.donations.registrations.application.ManagingEvents;
import org.endow.donations.registrations.model.Answer;
import org.endow.donations.registrations.model.DefaultAnswer;
import org.endow.stripestandin.StripeStandin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money Stripe takes back on a payment that paid no gift (a ticket of a cancelled event refunded in Stripe's
 * dashboard, then disputed by its buyer), through real signed webhooks from the Stripe stand-in, a real PostgreSQL and
 * an SMTP server (GreenMail): recorded once per event, linked to the registration, listed for staff, mailed to them,
 * explained once with an audit record.
 */
class UnmatchedStripeEventsIT {

    static final String KEY = "sk_test_unmatched";
    static final String SECRET = "whsec_unmatched";
    static final String STAFF_MAIL = "finance@endow.test";

    static ApplicationContext context;
    static StripeStandin stripe;
    static GreenMail smtp;
    static Database database;
    static URI base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        stripe = StripeStandin.start(0, KEY, SECRET, null);
        database = TestInfra.get().freshDatabase("donations_unmatched");
        context = ApplicationContext.run(
                        EmbeddedServer.class,
                        Map.ofEntries(
                                Map.entry("datasources.default.url", database.jdbcUrl()),
                                Map.entry("datasources.default.username", database.username()),
                                Map.entry("datasources.default.password", database.password()),
                                Map.entry(
                                        "kafka.bootstrap.servers",
                                        TestInfra.get().kafkaBootstrapServers()),
                                Map.entry("endow.messaging.service", "donations-unmatched-it-" + UUID.randomUUID()),
                                Map.entry("endow.messaging.consumer-enabled", false),
                                Map.entry("endow.messaging.relay-enabled", false),
                                Map.entry("endow.registrations.defaults-enabled", false),
                                Map.entry("endow.mail.smtp.port", smtpPort),
                                Map.entry("endow.mail.relay-interval", "100ms"),
                                Map.entry("endow.donations.staff.email", STAFF_MAIL),
                                Map.entry("endow.stripe.api-key", KEY),
                                Map.entry(
                                        "endow.stripe.api-base",
                                        stripe.baseUrl().toString()),
                                Map.entry("endow.stripe.webhook-secret", SECRET),
                                Map.entry("micronaut.server.port", -1),
                                Map.entry(
                                        "endow.jwt.public-key",
                                        TestInfra.get().jwtKeys().publicKeyPem())))
                .getApplicationContext();
        base = context.getBean(EmbeddedServer.class).getURI();
        stripe.webhookUrl(base.resolve("/api/donations/stripe/webhook"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void a_tickets_refund_and_dispute_outside_endow_are_recorded_once_listed_mailed_and_explained_once()
            throws Exception {
        // a ticket paid through Stripe outside Endow, imported with its payment intent
        String intent = ticketPaidByCard(12_000, "eur");
        ManagingEvents managing = context.getBean(ManagingEvents.class);
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "gala-27",
                        "Gala 27",
                        "EUR",
                        "general",
                        Instant.now().plus(Duration.ofDays(10)),
                        DefaultAnswer.REFUND));
        String josTicket = ticketPaidByCard(12_000, "eur");
        managing.importCsv(
                "staff-1",
                "gala-27",
                "email,name,ticket_type,amount_paid,payment_intent_id\nivy@example.org,Ivy,regular,120.00," + intent
                        + "\njo@example.org,Jo,regular,120.00," + josTicket + "\n");
        context.getBean(CancellingEvent.class).cancel("staff-1", "gala-27");

        // Jo asks for the refund: Endow refunds it on the card; Stripe's charge.refunded of it is not money taken
        // back outside Endow
        String offer = text("select body from mail_outbox where recipient = 'jo@example.org' order by id limit 1");
        Matcher link =
                Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})").matcher(offer);
        assertTrue(link.find(), offer);
        context.getBean(AnsweringOffer.class)
                .answer(new AnsweringOffer.AnswerCommand(link.group(1), Answer.REFUND, null));
        assertEquals("ON_CARD", text("select refund_way from registration where email = 'jo@example.org'"));
        String josRefund = stripe.events().stream()
                .filter(e -> e.type().equals("charge.refunded") && e.body().contains(josTicket))
                .findFirst()
                .orElseThrow()
                .eventId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from stripe_event where event_id = '" + josRefund + "'") == 1);
        assertEquals(
                0,
                count("select count(*) from unmatched_stripe_event where payment_intent_id = '" + josTicket + "'"),
                "Endow's own refund of a registrant's answer is not reported to staff");

        // refunded in Stripe's dashboard, then disputed by the buyer, and lost; each delivered three times
        int before = stripe.events().size();
        stripe.hold();
        List<StripeStandin.Delivery> taken;
        try {
            client().v1()
                    .refunds()
                    .create(RefundCreateParams.builder()
                            .setPaymentIntent(intent)
                            .setAmount(5_000L)
                            .build());
            stripe.dispute(intent, "needs_response");
            stripe.dispute(intent, "lost");
            taken = stripe.events().subList(before, stripe.events().size()).stream()
                    .toList();
            assertEquals(
                    List.of("charge.refunded", "charge.dispute.created", "charge.dispute.closed"),
                    taken.stream().map(StripeStandin.Delivery::type).toList());
            for (int round = 0; round < 3; round++) {
                for (StripeStandin.Delivery delivery : taken) {
                    assertEquals(200, stripe.deliver(delivery), delivery.type());
                }
            }
        } finally {
            stripe.resume();
        }
        String refundEvent = taken.get(0).eventId();
        String disputeOpened = taken.get(1).eventId();
        String disputeLost = taken.get(2).eventId();

        assertEquals(
                3,
                count("select count(*) from unmatched_stripe_event where payment_intent_id = '" + intent + "'"),
                "one row per Stripe event");
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where stripe_event_id = '" + refundEvent + "'"
                        + " and kind = 'REFUND' and amount_minor = 5000 and currency = 'EUR'"
                        + " and payment_intent_id = '" + intent + "' and charge_id like 'ch_%'"
                        + " and ticketed_event_code = 'gala-27' and registrants like '%ivy@example.org'"
                        + " and dispute_status is null and refunded_by_endow_minor = 0"
                        + " and refunded_outside_minor = 5000 and newly_taken_minor = 5000"));
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where stripe_event_id = '" + disputeLost + "'"
                        + " and kind = 'DISPUTE' and dispute_status = 'LOST' and dispute_reason = 'fraudulent'"
                        + " and amount_minor = 12000 and dispute_id like 'dp_%' and charge_id like 'ch_%'"
                        + " and ticketed_event_code = 'gala-27'"
                        + " and refunded_outside_minor is null and newly_taken_minor = 0"),
                "the closing row takes back nothing new: it closes the opened one's");
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where stripe_event_id = '" + disputeOpened + "'"
                        + " and dispute_status = 'OPEN' and newly_taken_minor = 12000"));
        assertEquals(
                0,
                count("select count(*) from unmatched_stripe_event where stripe_at is null"
                        + " or stripe_at > recorded_at + interval '5 seconds'"),
                "dated when Stripe says it happened");
        assertEquals(0, count("select count(*) from donation"), "no gift was touched or made");
        assertEquals(
                "REFUND",
                text("select kind from unmatched_stripe_event where stripe_event_id = '" + refundEvent + "'"));

        // a dispute on a payment no registration names (and that no gift paid), dated by Stripe months ago
        String unknown = "{\"id\":\"evt_unmatched_nobody\",\"object\":\"event\",\"created\":1767225600,"
                + "\"type\":\"charge.dispute.created\",\"data\":{\"object\":{\"id\":\"dp_nobody\","
                + "\"object\":\"dispute\",\"amount\":700,\"currency\":\"usd\",\"charge\":\"ch_nobody\","
                + "\"payment_intent\":\"pi_nobody\",\"reason\":\"product_not_received\","
                + "\"status\":\"needs_response\"}}}";
        assertEquals(200, post(unknown));
        assertEquals(200, post(unknown));
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where stripe_event_id = 'evt_unmatched_nobody'"
                        + " and ticketed_event_code is null and registrants is null and amount_minor = 700"
                        + " and currency = 'USD' and dispute_reason = 'product_not_received'"
                        + " and charge_id = 'ch_nobody' and stripe_at = timestamptz '2026-01-01T00:00:00Z'"));

        // staff are mailed once per event, not per delivery
        await().atMost(Duration.ofSeconds(20)).until(() -> notGala28().size() == 4);
        List<String> mails =
                notGala28().stream().map(UnmatchedStripeEventsIT::subject).toList();
        assertTrue(
                mails.contains("Stripe refunded €50.00 outside Endow of a payment that paid no gift"),
                mails.toString());
        assertTrue(mails.contains("A bank disputes €120.00 of a payment that paid no gift"), mails.toString());
        assertTrue(mails.contains("Dispute lost: €120.00 of a payment that paid no gift"), mails.toString());
        String lost = toStaff().stream()
                .filter(m -> subject(m).startsWith("Dispute lost"))
                .map(UnmatchedStripeEventsIT::text)
                .findFirst()
                .orElseThrow();
        assertTrue(lost.contains("gala-27 / ivy@example.org") && lost.contains(intent), lost);
        Thread.sleep(500);
        assertEquals(4, notGala28().size(), "and no more");

        // listed for staff, newest first, JSON and CSV
        HttpResponse<String> listed = call("GET", "/api/donations/stripe/unmatched", staff(), null);
        assertEquals(200, listed.statusCode(), listed.body());
        for (String id : List.of(refundEvent, disputeOpened, disputeLost)) {
            assertEquals(1, occurrences(listed.body(), "\"stripeEventId\":\"" + id + "\""), listed.body());
        }
        assertTrue(
                listed.body().indexOf(disputeLost) < listed.body().indexOf("evt_unmatched_nobody"),
                "the oldest last: " + listed.body());
        assertTrue(listed.body().contains("\"ticketedEventCode\":\"gala-27\""), listed.body());
        assertTrue(listed.body().contains("\"registrants\":[\"ivy@example.org\"]"), listed.body());
        HttpResponse<String> page = call("GET", "/api/donations/stripe/unmatched?limit=1&offset=1", staff(), null);
        assertEquals(1, occurrences(page.body(), "\"stripeEventId\""), page.body());
        assertEquals(
                422,
                call("GET", "/api/donations/stripe/unmatched?limit=0", staff(), null)
                        .statusCode());
        HttpResponse<String> csv = call("GET", "/api/donations/stripe/unmatched.csv", staff(), null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, Arrays.stream(lines).filter(l -> l.contains(intent)).count(), csv.body());
        assertTrue(lines[0].startsWith("stripe_at,stripe_event_id,"), lines[0]);
        assertTrue(
                Arrays.stream(lines)
                        .anyMatch(l -> l.contains(refundEvent)
                                && l.contains(",REFUND,")
                                && l.contains(",5000,0,5000,5000,EUR,")
                                && l.contains("gala-27")),
                csv.body());
        assertTrue(
                Arrays.stream(lines).anyMatch(l -> l.contains(disputeLost) && l.contains(",12000,,,0,EUR,LOST,")),
                csv.body());
        assertTrue(
                lines[0].contains(",amount_minor,refunded_by_endow_minor,refunded_outside_minor,newly_taken_minor,"));

        // a donor sees none of it and marks nothing
        assertEquals(
                403,
                call("GET", "/api/donations/stripe/unmatched", donor(), null).statusCode());
        assertEquals(
                403,
                call("GET", "/api/donations/stripe/unmatched.csv", donor(), null)
                        .statusCode());
        assertEquals(
                403,
                call(
                                "POST",
                                "/api/donations/stripe/unmatched/" + refundEvent + "/explained",
                                donor(),
                                "{\"note\":\"mine\"}")
                        .statusCode());

        // explained once, audited; a second mark is refused
        assertEquals(
                422,
                call(
                                "POST",
                                "/api/donations/stripe/unmatched/" + refundEvent + "/explained",
                                staff(),
                                "{\"note\":\"  \"}")
                        .statusCode(),
                "a note is required");
        HttpResponse<String> explained = call(
                "POST",
                "/api/donations/stripe/unmatched/" + refundEvent + "/explained",
                staff(),
                "{\"note\":\"Gala cancelled; refunded from the dashboard by Ana\"}");
        assertEquals(200, explained.statusCode(), explained.body());
        assertTrue(explained.body().contains("\"explainedBy\":\"staff-1\""), explained.body());
        HttpResponse<String> again = call(
                "POST",
                "/api/donations/stripe/unmatched/" + refundEvent + "/explained",
                staff(),
                "{\"note\":\"again\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(
                404,
                call("POST", "/api/donations/stripe/unmatched/evt_nothing/explained", staff(), "{\"note\":\"x\"}")
                        .statusCode());
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'stripe.unmatched.explained' and target = '"
                        + refundEvent + "' and actor = 'staff-1' and details like '%refunded from the dashboard%'"));
        assertEquals(
                "Gala cancelled; refunded from the dashboard by Ana",
                text("select explanation from unmatched_stripe_event where stripe_event_id = '" + refundEvent + "'"));
    }

    @Test
    void a_refund_outside_endow_is_reported_once_not_again_on_each_later_refund_of_the_charge() throws Exception {
        ManagingEvents managing = context.getBean(ManagingEvents.class);
        managing.create(
                "staff-1",
                new ManagingEvents.CreateEventCommand(
                        "gala-28",
                        "Gala 28",
                        "EUR",
                        "general",
                        Instant.now().plus(Duration.ofDays(10)),
                        DefaultAnswer.REFUND));
        String intent = ticketPaidByCard(10_000, "eur");
        managing.importCsv(
                "staff-1",
                "gala-28",
                "email,name,ticket_type,amount_paid,payment_intent_id\nkim@example.org,Kim,regular,50.00," + intent
                        + "\n");

        // EUR 30 refunded in Stripe's dashboard: reported
        refundInDashboard(intent, 3_000L);
        await().atMost(Duration.ofSeconds(20)).until(() -> aboutPayment(intent).size() == 1);
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where payment_intent_id = '" + intent + "'"
                        + " and amount_minor = 3000 and refunded_by_endow_minor = 0 and refunded_outside_minor = 3000"
                        + " and newly_taken_minor = 3000"));

        // Kim's answer refunds EUR 50 through Endow: Stripe's total is 80, of which 50 by Endow; the outside 30 was
        // reported already
        context.getBean(CancellingEvent.class).cancel("staff-1", "gala-28");
        String offer = text("select body from mail_outbox where recipient = 'kim@example.org' order by id limit 1");
        Matcher link =
                Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})").matcher(offer);
        assertTrue(link.find(), offer);
        context.getBean(AnsweringOffer.class)
                .answer(new AnsweringOffer.AnswerCommand(link.group(1), Answer.REFUND, null));
        String endowsRefund = stripe.events().stream()
                .filter(e -> e.type().equals("charge.refunded") && e.body().contains(intent))
                .reduce((first, second) -> second)
                .orElseThrow()
                .eventId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from stripe_event where event_id = '" + endowsRefund + "'") == 1);
        Thread.sleep(500);
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where payment_intent_id = '" + intent + "'"),
                "the outside 30 is not reported again with Endow's own refund");
        assertEquals(1, aboutPayment(intent).size(), "nor mailed again");

        // another EUR 20 refunded in the dashboard: total 100, of which 50 by Endow, outside 50: a row for 20 more
        refundInDashboard(intent, 2_000L);
        await().atMost(Duration.ofSeconds(20)).until(() -> aboutPayment(intent).size() == 2);
        assertEquals(
                1,
                count("select count(*) from unmatched_stripe_event where payment_intent_id = '" + intent + "'"
                        + " and amount_minor = 10000 and refunded_by_endow_minor = 5000"
                        + " and refunded_outside_minor = 5000 and newly_taken_minor = 2000"));
        assertEquals(
                2, count("select count(*) from unmatched_stripe_event where payment_intent_id = '" + intent + "'"));
        assertTrue(
                aboutPayment(intent).stream()
                        .map(UnmatchedStripeEventsIT::subject)
                        .toList()
                        .contains("Stripe refunded €20.00 more outside Endow of a payment that paid no gift"),
                aboutPayment(intent).stream()
                        .map(UnmatchedStripeEventsIT::subject)
                        .toList()
                        .toString());
        HttpResponse<String> listed = call("GET", "/api/donations/stripe/unmatched", staff(), null);
        assertTrue(listed.body().contains("\"refundedOutsideMinor\":5000,\"newlyTakenMinor\":2000"), listed.body());
    }

    @Test
    void refunds_of_one_charge_applied_at_once_report_its_growth_outside_endow_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            String intent = "pi_race_" + round;
            List<String> bodies = List.of(
                    refundedEvent("evt_race_" + round + "_a", intent, 3_000),
                    refundedEvent("evt_race_" + round + "_b", intent, 5_000),
                    refundedEvent("evt_race_" + round + "_c", intent, 5_000));
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(bodies.size());
            List<java.util.concurrent.CompletableFuture<Integer>> posted = bodies.stream()
                    .map(body -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                            return post(body);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .toList();
            for (var answer : posted) {
                assertEquals(200, answer.get());
            }
            String where = " from unmatched_stripe_event where payment_intent_id = '" + intent + "'";
            assertEquals(5_000, count("select sum(newly_taken_minor)" + where), "the growth to 50 is reported once");
            assertEquals(1, count("select count(*)" + where + " and refunded_outside_minor = 5000"));
        }
    }

    static String refundedEvent(String eventId, String intent, long totalRefunded) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"created\":1767225600,"
                + "\"type\":\"charge.refunded\",\"data\":{\"object\":{\"id\":\"ch_" + intent + "\","
                + "\"object\":\"charge\",\"amount\":10000,\"amount_refunded\":" + totalRefunded
                + ",\"currency\":\"eur\",\"payment_intent\":\"" + intent + "\",\"metadata\":{}}}}";
    }

    static void refundInDashboard(String intent, long minor) throws Exception {
        client().v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(intent)
                        .setAmount(minor)
                        .build());
    }

    /** Staff mails but those about the other test's event. */
    static List<MimeMessage> notGala28() {
        return toStaff().stream().filter(m -> !text(m).contains("gala-28")).toList();
    }

    /** Staff mails about this payment. */
    static List<MimeMessage> aboutPayment(String intent) {
        return toStaff().stream().filter(m -> text(m).contains(intent)).toList();
    }

    // ---- helpers

    static StripeClient client() {
        return StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(stripe.baseUrl().toString())
                .build();
    }

    /** A ticket paid through Stripe outside Endow (no gift metadata); @return its payment intent. */
    static String ticketPaidByCard(long minor, String currency) throws Exception {
        var session = client().v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .setSuccessUrl("https://tickets.test/ok")
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency(currency)
                                        .setUnitAmount(minor)
                                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                .setName("Gala ticket")
                                                .build())
                                        .build())
                                .build())
                        .build());
        stripe.pay(session.getId());
        return client().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
    }

    static int post(String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(base.resolve("/api/donations/stripe/webhook"))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", stripe.signature(body))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static String staff() {
        return JwtKeys.gatewayToken(
                TestInfra.get().jwtKeys(), "staff-1", "Staff One", "staff@endow.test", List.of("STAFF"));
    }

    static String donor() {
        return JwtKeys.gatewayToken(
                TestInfra.get().jwtKeys(), "donor-1", "Donor One", "donor@example.org", List.of("DONOR"));
    }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<MimeMessage> toStaff() {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return STAFF_MAIL.equals(m.getAllRecipients()[0].toString());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    static long count(String sql) {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String sql) {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
