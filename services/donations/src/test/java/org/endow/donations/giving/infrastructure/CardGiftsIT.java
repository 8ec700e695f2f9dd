package org.endow.donations.giving.infrastructure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.param.RefundCreateParams;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.endow.donations.giving.application.CancellingMonthlyGift;
import org.endow.donations.giving.application.RefundingGift;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.application.IssuingAnnualStatement;
import org.endow.donations.receipts.application.IssuingReceipt;
import org.endow.events.EventEnvelope;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.platform.problem.ProblemException;
import org.endow.stripestandin.StripeStandin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Card gifts end to end against a real PostgreSQL and the Stripe stand-in, through stripe-java and
 * real signed webhooks posted to the service's endpoint: paying, refunds (staff, partial, too much),
 * duplicates and concurrent redelivery, out-of-order delivery, monthly gifts, disputes.
 */
class CardGiftsIT {

    static final String KEY = "sk_test_cardgifts";
    static final String SECRET = "whsec_cardgifts";

    static ApplicationContext context;
    /** The service's clock: real time, unless a test moves it (and moves it back). */
    static final OffsetClock clock = new OffsetClock();

    static StripeStandin stripe;
    static Database database;
    static URI base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeStandin.start(0, KEY, SECRET, null);
        Database db = TestInfra.get().freshDatabase("donations_card_gifts");
        context = ApplicationContext.builder()
                .singletons(clock)
                .properties(Map.ofEntries(
                        Map.entry("datasources.default.url", db.jdbcUrl()),
                        Map.entry("datasources.default.username", db.username()),
                        Map.entry("datasources.default.password", db.password()),
                        Map.entry("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers()),
                        Map.entry("endow.messaging.service", "donations-card-it-" + UUID.randomUUID()),
                        Map.entry("endow.messaging.consumer-enabled", false),
                        Map.entry("endow.messaging.relay-enabled", false),
                        Map.entry("endow.registrations.defaults-enabled", false),
                        Map.entry("endow.mail.relay-enabled", false),
                        Map.entry("endow.stripe.api-key", KEY),
                        Map.entry("endow.stripe.api-base", stripe.baseUrl().toString()),
                        Map.entry("endow.stripe.webhook-secret", SECRET),
                        Map.entry("endow.donations.checkout.portal-url", "https://portal.test"),
                        Map.entry("micronaut.server.port", -1),
                        Map.entry(
                                "endow.jwt.public-key",
                                TestInfra.get().jwtKeys().publicKeyPem())))
                .start();
        context.getBean(EmbeddedServer.class).start();
        base = context.getBean(EmbeddedServer.class).getURI();
        stripe.webhookUrl(base.resolve("/api/donations/stripe/webhook"));
        database = db;
        try (Connection connection = connect();
                var statement = connection.createStatement()) {
            statement.executeUpdate("insert into funded_item (code, title, kind, target_minor, currency, status) values"
                    + " ('general', 'General fund', 'GENERAL', 0, 'USD', 'OPEN'),"
                    + " ('packaging', 'Packaging work', 'PROJECT', 40000000, 'USD', 'OPEN') on conflict do nothing");
        }
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void a_guest_pays_by_card_staff_refund_part_and_more_than_is_left_is_refused() throws Exception {
        Checkout checkout = checkout("""
                {"amountMinor": 5000, "currency": "USD", "fundCode": "packaging", "donorName": "Grace Guest",
                 "donorEmail": "grace@example.org", "recognition": {"consent": true, "anonymous": false}}""", "guest-1");
        assertEquals(201, checkout.status());
        assertEquals("AWAITING_PAYMENT", status(checkout.giftId()));
        // the checkout page a person pays on
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(checkout.url())).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(page.contains("50.00 USD"), page);
        assertEquals(200, checkout("""
                {"amountMinor": 5000, "currency": "USD", "fundCode": "packaging", "donorName": "Grace Guest",
                 "donorEmail": "grace@example.org"}""", "guest-1").status(), "a retry with the same key answers the same checkout");
        assertEquals(0, events("DonationPledged", checkout.giftId()), "nothing reaches the ledger before payment");

        stripe.pay(sessionOf(checkout.url()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "RECEIVED".equals(status(checkout.giftId())));
        assertEquals(1, events("DonationPledged", checkout.giftId()));
        assertEquals(1, events("DonationReceived", checkout.giftId()));

        RefundingGift refunding = context.getBean(RefundingGift.class);
        DonationId id = new DonationId(UUID.fromString(checkout.giftId()));
        assertEquals(
                "REQUESTED",
                refunding
                        .refund("staff-1", id, 1_500, "asked by the donor", "r1")
                        .state());
        await().atMost(Duration.ofSeconds(20)).until(() -> refunded(checkout.giftId()) == 1_500);
        assertEquals(1, events("DonationRefunded", checkout.giftId()));
        ProblemException tooMuch =
                assertThrows(ProblemException.class, () -> refunding.refund("staff-1", id, 3_501, "again", "r2"));
        assertEquals(422, tooMuch.status().getCode());
        assertEquals("amountMinor", tooMuch.errors().getFirst().field());
        assertTrue(tooMuch.getMessage().contains("at most 35.00 USD"), tooMuch.getMessage());
        assertEquals(1, count("select count(*) from audit_log where action = 'donation.refund-requested'"));
        assertTrue(count("select count(*) from mail_outbox where recipient = 'grace@example.org'"
                        + " and subject like 'Your gift was refunded%'")
                == 1);
    }

    @Test
    void five_concurrent_deliveries_and_a_refund_before_the_payment_end_as_in_order_delivery() throws Exception {
        Checkout checkout = checkout("""
                {"amountMinor": 2000, "currency": "USD", "fundCode": "general", "donorName": "Out Of Order",
                 "donorEmail": "ooo@example.org"}""", "ooo-1");
        int before = stripe.events().size();
        stripe.hold();
        try {
            stripe.pay(sessionOf(checkout.url()));
            StripeStandin.Delivery completed = stripe.events().get(before);
            String intent = paymentIntentIn(completed.body());
            StripeClient client = StripeClient.builder()
                    .setApiKey(KEY)
                    .setApiBase(stripe.baseUrl().toString())
                    .build();
            client.v1()
                    .refunds()
                    .create(RefundCreateParams.builder()
                            .setPaymentIntent(intent)
                            .build());
            StripeStandin.Delivery refunded = stripe.events().get(before + 1);
            assertEquals("charge.refunded", refunded.type());

            assertEquals(200, stripe.deliver(refunded), "the refund is kept until its payment arrives");
            assertEquals(0, events("DonationRefunded", checkout.giftId()));
            List<Callable<Integer>> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(() -> stripe.deliver(completed));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
                for (Future<Integer> status : pool.invokeAll(five)) {
                    assertEquals(200, status.get());
                }
            }
            assertEquals(200, stripe.deliver(refunded), "a late duplicate changes nothing");
        } finally {
            stripe.resume();
        }
        assertEquals("REFUNDED", status(checkout.giftId()));
        assertEquals(1, events("DonationPledged", checkout.giftId()));
        assertEquals(1, events("DonationReceived", checkout.giftId()));
        assertEquals(1, events("DonationRefunded", checkout.giftId()));
        assertEquals(2_000, refunded(checkout.giftId()));
    }

    @Test
    void a_payment_taken_on_31_december_whose_webhook_arrives_on_1_january_is_dated_when_stripe_took_it()
            throws Exception {
        Instant paid = Instant.parse("2026-12-31T23:50:00Z");
        Instant refundedAt = Instant.parse("2026-12-31T23:58:00Z");
        clock.set(Instant.parse("2026-12-31T23:45:00Z"));
        stripe.hold();
        try {
            Checkout checkout = checkout("""
                    {"amountMinor": 3000, "currency": "USD", "fundCode": "general", "donorName": "New Year",
                     "donorEmail": "newyear@example.org"}""", "new-year-1");
            int before = stripe.events().size();
            stripe.pay(sessionOf(checkout.url()));
            StripeStandin.Delivery completed = stripe.events().get(before);
            assertEquals("checkout.session.completed", completed.type());
            String intent = paymentIntentIn(completed.body());
            client().v1()
                    .refunds()
                    .create(RefundCreateParams.builder()
                            .setPaymentIntent(intent)
                            .setAmount(1_000L)
                            .build());
            StripeStandin.Delivery refunded = stripe.events().get(before + 1);
            assertEquals("charge.refunded", refunded.type());

            // Stripe's retries (or an outage of ours) bring both after midnight
            clock.set(Instant.parse("2027-01-01T00:10:00Z"));
            assertEquals(200, stripe.deliver(created(completed, paid)));
            assertEquals(200, stripe.deliver(created(refunded, refundedAt)));

            assertEquals("RECEIVED", status(checkout.giftId()));
            assertEquals(
                    paid,
                    instant("select received_at from donation where id = '" + checkout.giftId() + "'"),
                    "the gift was paid when Stripe took the money");
            assertEquals(
                    paid.toString(),
                    text("select envelope->'payload'->>'receivedAt' from outbox_message"
                            + " where event_type = 'donations.DonationReceived' and message_key = '"
                            + checkout.giftId() + "'"),
                    "the receipt, the annual statement and the ledger read this date");
            assertEquals(
                    refundedAt.toString(),
                    text("select envelope->'payload'->>'refundedAt' from outbox_message"
                            + " where event_type = 'donations.DonationRefunded' and message_key = '"
                            + checkout.giftId() + "'"));

            // the receipt (issued off the request path, here by hand) and the annual statement
            @SuppressWarnings("unchecked") // read as the consumer reads it
            EventEnvelope<DonationReceived> received =
                    (EventEnvelope<DonationReceived>) context.getBean(JsonMapper.class)
                            .readValue(
                                    text("select envelope::text from outbox_message"
                                            + " where event_type = 'donations.DonationReceived' and message_key = '"
                                            + checkout.giftId() + "'"),
                                    Argument.of(EventEnvelope.class, DonationReceived.class));
            @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            tx.executeWrite(status -> {
                context.getBean(IssuingReceipt.class).handle(received);
                return null;
            });
            assertEquals(
                    "2026 " + paid,
                    text("select year || ' ' || to_char(received_at at time zone 'UTC',"
                            + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from receipt where donation_id = '"
                            + checkout.giftId() + "'"),
                    "numbered in 2026's sequence, received on 31 December");
            DonorId guest = new DonorId("guest:newyear@example.org");
            IssuingAnnualStatement statements = context.getBean(IssuingAnnualStatement.class);
            assertEquals(
                    List.of(java.time.LocalDate.parse("2026-12-31")),
                    statements.statement(guest, 2026).lines().stream()
                            .map(line -> line.received())
                            .toList(),
                    "on 2026's statement");
            assertTrue(statements.statement(guest, 2027).lines().isEmpty(), "not on 2027's");
        } finally {
            stripe.resume();
            clock.reset();
        }
    }

    @Test
    void a_payment_event_dated_in_the_future_or_not_dated_is_dated_when_it_is_applied() throws Exception {
        Instant now = Instant.parse("2027-03-01T12:00:00Z");
        clock.set(now);
        stripe.hold();
        try {
            Checkout future = checkout("""
                    {"amountMinor": 3000, "currency": "USD", "fundCode": "general", "donorName": "Future",
                     "donorEmail": "future@example.org"}""", "future-1");
            int before = stripe.events().size();
            stripe.pay(sessionOf(future.url()));
            assertEquals(200, stripe.deliver(created(stripe.events().get(before), now.plus(Duration.ofDays(2)))));
            Instant received = instant("select received_at from donation where id = '" + future.giftId() + "'");
            assertTrue(
                    !received.isBefore(now) && received.isBefore(now.plus(Duration.ofMinutes(5))),
                    "a time Stripe cannot have taken the money at is not believed: " + received);

            Checkout undated = checkout("""
                    {"amountMinor": 3000, "currency": "USD", "fundCode": "general", "donorName": "Undated",
                     "donorEmail": "undated@example.org"}""", "undated-1");
            before = stripe.events().size();
            stripe.pay(sessionOf(undated.url()));
            StripeStandin.Delivery completed = stripe.events().get(before);
            String body = completed.body().replaceFirst("\"created\":\\d+,", "");
            assertEquals(200, stripe.deliver(new StripeStandin.Delivery(completed.eventId(), completed.type(), body)));
            received = instant("select received_at from donation where id = '" + undated.giftId() + "'");
            assertTrue(
                    !received.isBefore(now) && received.isBefore(now.plus(Duration.ofMinutes(5))),
                    "an event that does not say when is dated when applied: " + received);
        } finally {
            stripe.resume();
            clock.reset();
        }
    }

    @Test
    void a_monthly_gift_records_each_month_and_ends_when_the_donor_cancels() throws Exception {
        Checkout checkout = checkout("""
                {"amountMinor": 1000, "currency": "USD", "fundCode": "general", "frequency": "MONTHLY",
                 "donorName": "Monthly Mo", "donorEmail": "mo@example.org"}""", "monthly-1");
        assertEquals(201, checkout.status());
        int before = stripe.events().size();
        stripe.hold();
        try {
            stripe.pay(sessionOf(checkout.url()));
            StripeStandin.Delivery completed = stripe.events().get(before);
            StripeStandin.Delivery invoice = stripe.events().get(before + 1);
            assertEquals("invoice.paid", invoice.type());
            String invoiceId = idOfObjectIn(invoice.body());
            // the first invoice before the checkout's completion: both still apply once
            assertEquals(200, stripe.deliver(invoice));
            assertEquals(1, invoicePaymentCalls(invoiceId), "the first delivery asks Stripe which payment paid it");
            assertEquals(200, stripe.deliver(completed));
            assertEquals(200, stripe.deliver(invoice));
            assertEquals(
                    1,
                    invoicePaymentCalls(invoiceId),
                    "a redelivery is recognised as applied before Stripe is asked again");
        } finally {
            stripe.resume();
        }
        assertEquals("ACTIVE", text("select status from recurring_gift where id = '" + checkout.giftId() + "'"));
        assertEquals(1, events("RecurringDonationStarted", checkout.giftId()));
        String subscription = text(
                "select subscription_id from card_subscription where recurring_gift_id = '" + checkout.giftId() + "'");
        stripe.renew(subscription);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from donation where donor_email = 'mo@example.org'"
                                + " and status = 'RECEIVED' and frequency = 'MONTHLY'")
                        == 2);
        assertEquals(
                2,
                count("select count(*) from card_payment p join donation d on d.id = p.donation_id"
                        + " where d.donor_email = 'mo@example.org' and p.payment_id like 'pi_%'"),
                "each month is found by the payment intent that paid it (asked of Stripe: the invoice names none)");
        String monthIntent = text("select p.payment_id from card_payment p join donation d on d.id = p.donation_id"
                + " where d.donor_email = 'mo@example.org' order by d.pledged_at desc, d.id limit 1");
        String month = text(
                "select cast(p.donation_id as text) from card_payment p where p.payment_id = '" + monthIntent + "'");
        stripe.dispute(monthIntent, "needs_response");
        await().atMost(Duration.ofSeconds(20)).until(() -> events("DonationDisputed", month) == 1);
        stripe.failRenewal(subscription);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from mail_outbox where recipient = 'mo@example.org'"
                                + " and subject = 'We could not take this month''s gift'")
                        == 1);

        assertEquals(
                "REQUESTED",
                context.getBean(CancellingMonthlyGift.class)
                        .cancel(UUID.fromString(checkout.giftId()), new DonorId("nobody"), "staff-1"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CANCELLED"
                        .equals(text("select status from recurring_gift where id = '" + checkout.giftId() + "'")));
        assertEquals(1, events("RecurringDonationCancelled", checkout.giftId()));
    }

    @Test
    void a_lost_dispute_is_published_once_and_unknown_or_forged_events_are_answered_clearly() throws Exception {
        Checkout checkout = checkout("""
                {"amountMinor": 3000, "currency": "USD", "fundCode": "general", "donorName": "Disputed Dan",
                 "donorEmail": "dan@example.org"}""", "dispute-1");
        stripe.pay(sessionOf(checkout.url()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RECEIVED".equals(status(checkout.giftId())));
        String intent = text("select payment_id from card_payment where donation_id = '" + checkout.giftId() + "'");
        stripe.dispute(intent, "needs_response");
        stripe.dispute(intent, "lost");
        await().atMost(Duration.ofSeconds(20)).until(() -> events("DonationDisputed", checkout.giftId()) == 2);
        assertEquals("LOST", text("select dispute_status from donation where id = '" + checkout.giftId() + "'"));
        assertEquals(
                3000,
                count("select charged_back_minor from donation where id = '" + checkout.giftId() + "'"),
                "the lost dispute took the gift back: statements and refunds count it");
        ProblemException nothingLeft = assertThrows(
                ProblemException.class,
                () -> context.getBean(RefundingGift.class)
                        .refund("staff-1", new DonationId(UUID.fromString(checkout.giftId())), 1000, "asked", null));
        assertEquals(422, nothingLeft.status().getCode(), nothingLeft.getMessage());

        String unknown = "{\"id\":\"evt_unknown_pi\",\"object\":\"event\",\"type\":\"charge.dispute.created\",\"data\":"
                + "{\"object\":{\"id\":\"dp_x\",\"object\":\"dispute\",\"amount\":100,\"currency\":\"usd\","
                + "\"payment_intent\":\"pi_nobody\",\"status\":\"needs_response\"}}}";
        assertEquals(200, post(unknown, stripe.signature(unknown)), "a dispute on no gift of ours is acknowledged");
        String early = "{\"id\":\"evt_early\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"data\":"
                + "{\"object\":{\"id\":\"cs_x\",\"object\":\"checkout.session\",\"mode\":\"payment\","
                + "\"payment_status\":\"paid\",\"payment_intent\":\"pi_early\",\"metadata\":{\"donation_id\":\""
                + UUID.randomUUID() + "\"}}}}";
        assertEquals(
                503,
                post(early, stripe.signature(early)),
                "a payment for a gift not known yet is delivered again later");
        assertEquals(0, count("select count(*) from stripe_event where event_id = 'evt_early'"));
        assertEquals(400, post(unknown, "t=1,v1=forged"), "a forged signature is refused");
        String other = "{\"id\":\"evt_other\",\"object\":\"event\",\"type\":\"customer.created\",\"data\":"
                + "{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
        assertEquals(200, post(other, stripe.signature(other)), "an event not used is acknowledged");
    }

    @Test
    void a_delayed_payment_that_fails_abandons_the_gift_and_tells_the_donor_once() throws Exception {
        Checkout checkout = checkout("""
                {"amountMinor": 4000, "currency": "EUR", "fundCode": "general", "donorName": "Debit Dora",
                 "donorEmail": "dora@example.org"}""", "delayed-1");
        assertEquals(201, checkout.status());
        String failed = "{\"id\":\"evt_async_failed_" + checkout.giftId() + "\",\"object\":\"event\","
                + "\"type\":\"checkout.session.async_payment_failed\",\"data\":{\"object\":{\"id\":\"cs_debit\","
                + "\"object\":\"checkout.session\",\"mode\":\"payment\",\"status\":\"complete\","
                + "\"payment_status\":\"unpaid\",\"metadata\":{\"donation_id\":\"" + checkout.giftId() + "\"}}}}";
        assertEquals(200, post(failed, stripe.signature(failed)));
        assertEquals(200, post(failed, stripe.signature(failed)), "a redelivery changes nothing");

        assertEquals("ABANDONED", status(checkout.giftId()));
        assertEquals(
                1,
                count("select count(*) from mail_outbox where recipient = 'dora@example.org'"
                        + " and subject = 'Your gift could not be collected'"));
        assertEquals(0, events("DonationReceived", checkout.giftId()));
    }

    @Test
    void a_cancelled_events_registration_paid_by_card_is_refunded_on_that_card() throws Exception {
        // a registration fee paid earlier through Stripe, not a gift (no gift metadata)
        StripeClient client = StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(stripe.baseUrl().toString())
                .build();
        var session = client.v1()
                .checkout()
                .sessions()
                .create(com.stripe.param.checkout.SessionCreateParams.builder()
                        .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.PAYMENT)
                        .setSuccessUrl("https://tickets.test/ok")
                        .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency("eur")
                                        .setUnitAmount(12_000L)
                                        .setProductData(com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData
                                                .ProductData.builder()
                                                .setName("Conference ticket")
                                                .build())
                                        .build())
                                .build())
                        .build());
        stripe.pay(session.getId());
        String intent =
                client.v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();

        var managing = context.getBean(org.endow.donations.registrations.application.ManagingEvents.class);
        managing.create(
                "staff-1",
                new org.endow.donations.registrations.application.ManagingEvents.CreateEventCommand(
                        "sprint-conf",
                        "Sprint Conf",
                        "EUR",
                        "general",
                        java.time.Instant.now().plus(Duration.ofDays(10)),
                        org.endow.donations.registrations.model.DefaultAnswer.REFUND));
        managing.importCsv(
                "staff-1",
                "sprint-conf",
                "email,name,ticket_type,amount_paid,payment_intent_id\ncarol@example.org,Carol,regular,120.00," + intent
                        + "\ndave@example.org,Dave,regular,80.00,pi_unknown_dave\n");
        context.getBean(org.endow.donations.registrations.application.CancellingEvent.class)
                .cancel("staff-1", "sprint-conf");
        String offer = text("select body from mail_outbox where recipient = 'carol@example.org' order by id limit 1");
        Matcher link =
                Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})").matcher(offer);
        assertTrue(link.find(), offer);

        context.getBean(org.endow.donations.registrations.application.AnsweringOffer.class)
                .answer(new org.endow.donations.registrations.application.AnsweringOffer.AnswerCommand(
                        link.group(1), org.endow.donations.registrations.model.Answer.DONATE_PART, 4_500L));

        assertEquals("ON_CARD", text("select refund_way from registration where email = 'carol@example.org'"));
        // a payment Stripe does not know (a mistyped id in the import): refused for good, so due by bank with why
        String daves = text("select body from mail_outbox where recipient = 'dave@example.org' order by id limit 1");
        Matcher daveLink =
                Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})").matcher(daves);
        assertTrue(daveLink.find(), daves);
        context.getBean(org.endow.donations.registrations.application.AnsweringOffer.class)
                .answer(new org.endow.donations.registrations.application.AnsweringOffer.AnswerCommand(
                        daveLink.group(1), org.endow.donations.registrations.model.Answer.REFUND, null));
        assertEquals("DUE_BY_BANK", text("select refund_way from registration where email = 'dave@example.org'"));
        String reason = text("select refund_reference from registration where email = 'dave@example.org'");
        assertTrue(reason.startsWith("card refund refused: ") && reason.contains("pi_unknown_dave"), reason);
        var refunds = stripe.events().stream()
                .filter(e -> e.type().equals("charge.refunded") && e.body().contains(intent))
                .toList();
        assertEquals(1, refunds.size());
        assertTrue(
                refunds.getFirst().body().contains("\"amount_refunded\":7500"),
                refunds.getFirst().body());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from stripe_event where event_id = '"
                                + refunds.getFirst().eventId() + "'")
                        == 1);
        assertEquals(
                1,
                count("select count(*) from donation where amount_minor = 4500 and status = 'RECEIVED'"
                        + " and received_reference = 'CONVERTED_REGISTRATION:sprint-conf' and refunded_minor = 0"),
                "the 75.00 refunded on the ticket's payment is not the gift's");
        assertEquals(
                intent,
                text("select p.payment_id from card_payment p join registration r on r.donation_id = p.donation_id"
                        + " where r.email = 'carol@example.org'"),
                "the gift is found by the ticket's payment");
    }

    @Test
    void a_gift_converted_from_a_ticket_paid_by_card_is_reached_by_that_payments_later_refunds_and_lost_dispute()
            throws Exception {
        // two registrants paid 500.00 each by card; the event is cancelled and both donate 300.00, 200.00 refunded
        String ritasTicket = ticketPaidByCard(50_000, "usd");
        String samsTicket = ticketPaidByCard(50_000, "usd");
        var managing = context.getBean(org.endow.donations.registrations.application.ManagingEvents.class);
        managing.create(
                "staff-1",
                new org.endow.donations.registrations.application.ManagingEvents.CreateEventCommand(
                        "summit-27",
                        "Summit 27",
                        "USD",
                        "general",
                        java.time.Instant.now().plus(Duration.ofDays(10)),
                        org.endow.donations.registrations.model.DefaultAnswer.REFUND));
        managing.importCsv(
                "staff-1",
                "summit-27",
                "email,name,ticket_type,amount_paid,payment_intent_id\n"
                        + "rita@example.org,Rita,regular,500.00," + ritasTicket + "\n"
                        + "sam@example.org,Sam,regular,500.00," + samsTicket + "\n");
        context.getBean(org.endow.donations.registrations.application.CancellingEvent.class)
                .cancel("staff-1", "summit-27");
        stripe.hold();
        String ritasGift;
        String samsGift;
        try {
            ritasGift = donatePart("rita@example.org", 30_000L);
            samsGift = donatePart("sam@example.org", 30_000L);
            // later: 50.00 more refunded from Stripe's dashboard, then the card holder disputes all 500.00 and wins
            for (String ticket : List.of(ritasTicket, samsTicket)) {
                client().v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(ticket)
                                .setAmount(5_000L)
                                .build());
                stripe.dispute(ticket, "needs_response");
                stripe.dispute(ticket, "lost");
            }
            List<StripeStandin.Delivery> rita = eventsOn(ritasTicket);
            assertEquals(
                    List.of("charge.refunded", "charge.refunded", "charge.dispute.created", "charge.dispute.closed"),
                    rita.stream().map(StripeStandin.Delivery::type).toList());
            assertTrue(
                    rita.getFirst().body().contains("\"amount_refunded\":20000"),
                    rita.getFirst().body());

            // Rita's in order: our own refund of the part not donated is not the gift's
            assertEquals(200, stripe.deliver(rita.get(0)));
            assertEquals(0, refunded(ritasGift));
            assertEquals(0, events("DonationRefunded", ritasGift));
            assertEquals(200, stripe.deliver(rita.get(1)));
            assertEquals(5_000, refunded(ritasGift), "the refund beyond the registration's own is the gift's");
            assertEquals(1, events("DonationRefunded", ritasGift));
            assertEquals(200, stripe.deliver(rita.get(2)));
            assertEquals(200, stripe.deliver(rita.get(3)));

            // Sam's in another order, with duplicates
            List<StripeStandin.Delivery> sam = eventsOn(samsTicket);
            for (int i : new int[] {3, 1, 2, 0, 3, 1, 0, 2}) {
                assertEquals(200, stripe.deliver(sam.get(i)), sam.get(i).type());
            }
        } finally {
            stripe.resume();
        }

        for (String gift : List.of(ritasGift, samsGift)) {
            assertEquals("RECEIVED", status(gift));
            assertEquals("LOST", text("select dispute_status from donation where id = '" + gift + "'"));
            assertEquals(5_000, refunded(gift));
            assertEquals(
                    25_000,
                    count("select charged_back_minor from donation where id = '" + gift + "'"),
                    "the lost dispute took back what the gift still held, not the ticket's 500.00");
            assertEquals(
                    30_000,
                    count("select coalesce(sum(cast(envelope->'payload'->>'amountMinor' as bigint)), 0)"
                            + " from outbox_message where message_key = '" + gift + "'"
                            + " and (event_type = 'donations.DonationRefunded'"
                            + " or (event_type = 'donations.DonationDisputed'"
                            + " and envelope->'payload'->>'status' = 'LOST'))"),
                    "the ledger takes the whole 300.00 out, once");
            ProblemException nothingLeft = assertThrows(
                    ProblemException.class,
                    () -> context.getBean(RefundingGift.class)
                            .refund("staff-1", new DonationId(UUID.fromString(gift)), 100, "asked", null));
            assertEquals(422, nothingLeft.status().getCode(), nothingLeft.getMessage());
        }
        assertEquals(
                25_000,
                count("select cast(envelope->'payload'->>'amountMinor' as bigint) from outbox_message"
                        + " where message_key = '" + ritasGift + "' and event_type = 'donations.DonationDisputed'"
                        + " and envelope->'payload'->>'status' = 'LOST'"),
                "in order, DonationDisputed carries what was taken back");
        assertEquals(
                1,
                count("select count(*) from mail_outbox where recipient = 'rita@example.org'"
                        + " and subject like 'Your gift was refunded%'"));
    }

    @Test
    void gifts_converted_from_two_tickets_paid_with_one_payment_are_not_taken_for_that_payments_other_refunds()
            throws Exception {
        // one payment of 1,000.00 for two tickets of 500.00; both registrants donate 300.00, 200.00 refunded each
        String payment = ticketPaidByCard(100_000, "usd");
        var managing = context.getBean(org.endow.donations.registrations.application.ManagingEvents.class);
        managing.create(
                "staff-1",
                new org.endow.donations.registrations.application.ManagingEvents.CreateEventCommand(
                        "summit-28",
                        "Summit 28",
                        "USD",
                        "general",
                        java.time.Instant.now().plus(Duration.ofDays(10)),
                        org.endow.donations.registrations.model.DefaultAnswer.REFUND));
        managing.importCsv(
                "staff-1",
                "summit-28",
                "email,name,ticket_type,amount_paid,payment_intent_id\n"
                        + "tina@example.org,Tina,regular,500.00," + payment + "\n"
                        + "uma@example.org,Uma,regular,500.00," + payment + "\n");
        context.getBean(org.endow.donations.registrations.application.CancellingEvent.class)
                .cancel("staff-1", "summit-28");
        stripe.hold();
        String tinasGift;
        String umasGift;
        try {
            tinasGift = donatePart("tina@example.org", 30_000L);
            umasGift = donatePart("uma@example.org", 30_000L);
            List<StripeStandin.Delivery> refunds = eventsOn(payment);
            assertEquals(
                    List.of("charge.refunded", "charge.refunded"),
                    refunds.stream().map(StripeStandin.Delivery::type).toList());
            assertTrue(
                    refunds.get(1).body().contains("\"amount_refunded\":40000"),
                    refunds.get(1).body());
            for (StripeStandin.Delivery refund : refunds) {
                assertEquals(200, stripe.deliver(refund));
            }
        } finally {
            stripe.resume();
        }

        assertEquals(
                0,
                count("select count(*) from card_payment where payment_id = '" + payment + "'"),
                "the payment paid more than one ticket: neither gift is linked to it");
        for (String gift : List.of(tinasGift, umasGift)) {
            assertEquals("RECEIVED", status(gift));
            assertEquals(0, refunded(gift), "Uma's 200.00 is not a refund of Tina's gift");
            assertEquals(0, events("DonationRefunded", gift));
        }
    }

    // ---- helpers

    /** Real time shifted by what a test sets: the service's "now" moves while the stand-in's stays real. */
    static final class OffsetClock extends java.time.Clock {

        private volatile Duration offset = Duration.ZERO;

        /** From now on the service's clock reads {@code instant} (and ticks on from there). */
        void set(Instant instant) {
            offset = Duration.between(Instant.now(), instant);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    record Checkout(int status, String giftId, String url) {}

    static Checkout checkout(String json, String key) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/donations/checkout"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
        Matcher gift = Pattern.compile("\"giftId\":\"([^\"]+)\"").matcher(response.body());
        Matcher url = Pattern.compile("\"checkoutUrl\":\"([^\"]+)\"").matcher(response.body());
        assertTrue(gift.find() && url.find(), response.body());
        return new Checkout(response.statusCode(), gift.group(1), url.group(1));
    }

    static int post(String body, String signature) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(base.resolve("/api/donations/stripe/webhook"))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

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
                .create(com.stripe.param.checkout.SessionCreateParams.builder()
                        .setMode(com.stripe.param.checkout.SessionCreateParams.Mode.PAYMENT)
                        .setSuccessUrl("https://tickets.test/ok")
                        .addLineItem(com.stripe.param.checkout.SessionCreateParams.LineItem.builder()
                                .setQuantity(1L)
                                .setPriceData(com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency(currency)
                                        .setUnitAmount(minor)
                                        .setProductData(com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData
                                                .ProductData.builder()
                                                .setName("Conference ticket")
                                                .build())
                                        .build())
                                .build())
                        .build());
        stripe.pay(session.getId());
        return client().v1().checkout().sessions().retrieve(session.getId()).getPaymentIntent();
    }

    /** The registrant answers the offer of their first email: donate {@code donatedMinor}; @return the gift. */
    static String donatePart(String email, long donatedMinor) {
        String offer = text("select body from mail_outbox where recipient = '" + email + "' order by id limit 1");
        Matcher link =
                Pattern.compile("/registrations/offer/([A-Za-z0-9_-]{43})").matcher(offer);
        assertTrue(link.find(), offer);
        context.getBean(org.endow.donations.registrations.application.AnsweringOffer.class)
                .answer(new org.endow.donations.registrations.application.AnsweringOffer.AnswerCommand(
                        link.group(1), org.endow.donations.registrations.model.Answer.DONATE_PART, donatedMinor));
        assertEquals("ON_CARD", text("select refund_way from registration where email = '" + email + "'"));
        return text("select cast(donation_id as text) from registration where email = '" + email + "'");
    }

    /** The events the stand-in emitted about a payment intent, oldest first. */
    static List<StripeStandin.Delivery> eventsOn(String paymentIntent) {
        return stripe.events().stream()
                .filter(e -> e.body().contains("\"payment_intent\":\"" + paymentIntent + "\""))
                .filter(e -> e.type().startsWith("charge."))
                .toList();
    }

    static Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    static String sessionOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static String paymentIntentIn(String body) {
        Matcher m = Pattern.compile("\"payment_intent\":\"(pi_[^\"]+)\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    /** The id of the event's {@code data.object}. */
    static String idOfObjectIn(String body) {
        Matcher m =
                Pattern.compile("\"data\":\\{\"object\":\\{\"id\":\"([^\"]+)\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    /** How many times the service asked the stand-in which payment paid {@code invoiceId}. */
    static long invoicePaymentCalls(String invoiceId) {
        return stripe.requests().stream()
                .filter(r -> r.startsWith("GET /v1/invoice_payments?") && r.contains("invoice=" + invoiceId))
                .count();
    }

    /** The event as Stripe would have sent it had it been created at {@code at} (its own {@code created}). */
    static StripeStandin.Delivery created(StripeStandin.Delivery delivery, Instant at) {
        Matcher own = Pattern.compile("^\\{\"id\":\"evt_[^\"]+\",\"object\":\"event\",\"created\":(\\d+)")
                .matcher(delivery.body());
        assertTrue(own.find(), delivery.body());
        String body = delivery.body().substring(0, own.start(1))
                + at.getEpochSecond()
                + delivery.body().substring(own.end(1));
        return new StripeStandin.Delivery(delivery.eventId(), delivery.type(), body);
    }

    static Instant instant(String sql) {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getTimestamp(1).toInstant();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(String donationId) {
        return text("select status from donation where id = '" + donationId + "'");
    }

    static long refunded(String donationId) {
        return count("select refunded_minor from donation where id = '" + donationId + "'");
    }

    static long events(String type, String aggregateId) {
        return count("select count(*) from outbox_message where event_type = 'donations." + type
                + "' and message_key = '" + aggregateId + "'");
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
