package org.endow.sponsors.sponsorships.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.platform.testing.MovableClock;
import org.endow.sponsors.sponsorships.application.ApplyingForSponsorship;
import org.endow.sponsors.sponsorships.application.PayingInvoice;
import org.endow.sponsors.sponsorships.application.RecordingSponsorshipPayment;
import org.endow.sponsors.sponsorships.application.RemindingSponsors;
import org.endow.sponsors.sponsorships.application.ReviewingSponsorship;
import org.endow.sponsors.sponsorships.application.SigningContract;
import org.endow.sponsors.sponsorships.application.ViewingSponsorships;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.stripestandin.StripeStandin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invoices paid by card against a real PostgreSQL and the Stripe stand-in, with a 20 % tax: the
 * checkout, the invoice and the overdue reminder ask for the same total; Stripe's signed
 * {@code checkout.session.completed}, posted to the service's webhook, records the payment; a payment
 * that arrives when the invoice can no longer take it (the contract nullified after the sponsor opened
 * the checkout, or the invoice paid by transfer meanwhile) is kept, audited and reported to staff.
 * Staff's CSV of sponsorships shows the invoice total with that tax. An invoice keeps the tax it was
 * issued with when the rate changes afterwards (a second service started on the same database with
 * another rate).
 */
class CardPaymentsIT {

    static final String KEY = "sk_test_sponsor_cards";
    static final String SECRET = "whsec_sponsor_cards";
    static final String STAFF = "sponsorships@foundation.test";

    static ApplicationContext context;
    static StripeStandin stripe;
    static Database db;
    static MovableClock clock;
    static java.net.URI base;

    @BeforeAll
    static void start() throws Exception {
        stripe = StripeStandin.start(0, KEY, SECRET, null);
        // every event stays with the test until it delivers it, so each delivery's answer is seen
        stripe.hold();
        db = TestInfra.get().freshDatabase("sponsor_tiers_card_payments");
        clock = new MovableClock(Instant.now());
        context = started("Sales tax 20 %", 2000);
        base = context.getBean(EmbeddedServer.class).getURI();
        stripe.webhookUrl(base.resolve("/api/sponsors/stripe/webhook"));
    }

    /**
     * The service on the test's database, Stripe stand-in and clock, with one tax configured: a second one
     * started with another rate is the foundation changing its tax settings and restarting.
     */
    static ApplicationContext started(String taxLabel, int taxBasisPoints) {
        ApplicationContext started = ApplicationContext.builder()
                .singletons(clock)
                .properties(Map.ofEntries(
                        Map.entry("datasources.default.url", db.jdbcUrl()),
                        Map.entry("datasources.default.username", db.username()),
                        Map.entry("datasources.default.password", db.password()),
                        Map.entry("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers()),
                        Map.entry("endow.messaging.service", "sponsor-tiers-cards-it-" + UUID.randomUUID()),
                        Map.entry("endow.messaging.consumer-enabled", false),
                        Map.entry("endow.messaging.relay-enabled", false),
                        Map.entry("endow.mail.relay-enabled", false),
                        Map.entry("endow.stripe.api-key", KEY),
                        Map.entry("endow.stripe.api-base", stripe.baseUrl().toString()),
                        Map.entry("endow.stripe.webhook-secret", SECRET),
                        Map.entry("endow.sponsors.staff-email", STAFF),
                        Map.entry("endow.sponsors.portal-url", "https://portal.test"),
                        Map.entry("endow.sponsors.tax-label", taxLabel),
                        Map.entry("endow.sponsors.tax-basis-points", taxBasisPoints),
                        Map.entry("endow.sponsors.reminders-enabled", false),
                        Map.entry("micronaut.server.port", -1),
                        Map.entry(
                                "endow.jwt.public-key",
                                TestInfra.get().jwtKeys().publicKeyPem())))
                .start();
        started.getBean(EmbeddedServer.class).start();
        return started;
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
    void a_card_payment_of_the_invoice_total_with_tax_records_the_invoice_as_paid_once() throws Exception {
        Sponsorship s = executed("Umbrella Corp");
        StripeStandin.Delivery completed = payByCard(s);
        assertTrue(
                Pattern.compile("\"amount_total\"\\s*:\\s*1800000\\b")
                        .matcher(completed.body())
                        .find(),
                "the fee of $15,000.00 and 20 % tax: " + completed.body());

        assertEquals(200, stripe.deliver(completed));
        assertEquals(200, stripe.deliver(completed), "a redelivery changes nothing");

        assertEquals(SponsorshipStatus.PAID, status(s));
        assertEquals(1, paidEvents(s));
        assertEquals(1, count("select count(*) from audit_log where action = 'sponsorship.paid' and target = ?", s));
        assertEquals(
                0,
                count(
                        "select count(*) from mail_outbox where recipient = '" + STAFF + "'"
                                + " and subject like '%could not be applied%' and body like ?",
                        s));
    }

    @Test
    void a_card_payment_made_before_the_due_date_but_delivered_after_it_is_recorded_paid_when_it_was_made()
            throws Exception {
        Sponsorship s = executed("Punctual Payer Ltd");
        StripeStandin.Delivery completed = payByCard(s);
        Matcher created = Pattern.compile("^\\{\"id\":\"evt_[^\"]+\",\"object\":\"event\",\"created\":(\\d+)")
                .matcher(completed.body());
        assertTrue(created.find(), completed.body());
        Instant taken = Instant.ofEpochSecond(Long.parseLong(created.group(1)));
        assertFalse(LocalDate.ofInstant(taken, ZoneOffset.UTC).isAfter(s.invoiceDue()), "paid before it was due");
        Instant delivered =
                s.invoiceDue().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            // Stripe's retries (or an outage of ours) bring the event after the due date
            clock.set(delivered);
            assertEquals(200, stripe.deliver(completed));
        } finally {
            clock.set(Instant.now());
        }

        Sponsorship paid = context.getBean(ViewingSponsorships.class).one(s.id(), null, true);
        assertEquals(SponsorshipStatus.PAID, paid.status());
        assertEquals(taken, paid.paidAt(), "paid when Stripe took the money, not when we heard of it");
        assertEquals(
                taken.toString(),
                text(
                        "select envelope->'payload'->>'paidAt' from outbox_message"
                                + " where event_type = 'sponsorships.SponsorshipPaid' and message_key = ?",
                        s),
                "the ledger's date");
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.paid' and target = ?"
                                + " and at = '" + delivered + "'",
                        s),
                "the audit says when it was recorded");
    }

    @Test
    void a_card_payment_for_a_contract_nullified_after_checkout_is_kept_audited_and_reported_to_staff()
            throws Exception {
        Sponsorship s = executed("Nullified Co");
        String url = context.getBean(PayingInvoice.class).checkout(account(s), s.id());
        // staff nullify the executed contract while the sponsor is on the checkout page
        context.getBean(SigningContract.class).nullify("staff-1", s.id(), "the end date should be 31 January 2028");
        StripeStandin.Delivery completed = pay(url);
        String intent = paymentIntentIn(completed.body());

        assertEquals(200, stripe.deliver(completed));

        assertEquals(SponsorshipStatus.APPROVED, status(s), "the payment does not pay a nullified contract");
        assertEquals(0, paidEvents(s), "nothing reaches the funds ledger");
        assertEquals(
                1,
                count("select count(*) from stripe_event where event_id = '" + completed.eventId() + "'"),
                "the event is kept");
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.card-payment-not-applied'"
                                + " and actor = 'stripe' and target = ? and details like '%" + intent
                                + "%USD 18,000.00%approved%'",
                        s));
        String mail = staffMail(s);
        for (String expected : List.of(
                "card payment " + intent,
                "sponsorship " + s.id(),
                "Nullified Co",
                "of $18,000.00 could not be applied: the sponsorship is approved",
                "refund it or re-execute the contract")) {
            assertTrue(mail.contains(expected), expected + " not in the staff mail:\n" + mail);
        }

        assertEquals(200, stripe.deliver(completed), "a redelivery is acknowledged");
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.card-payment-not-applied'"
                                + " and target = ?",
                        s),
                "and reported once");
        assertEquals(1, staffMails(s));
    }

    @Test
    void a_card_payment_for_an_invoice_already_paid_by_transfer_is_reported_to_staff_for_refund() throws Exception {
        Sponsorship s = executed("Twice Paid Inc");
        String url = context.getBean(PayingInvoice.class).checkout(account(s), s.id());
        context.getBean(RecordingSponsorshipPayment.class).paid("staff-1", s.id(), "BACS 4711");
        StripeStandin.Delivery completed = pay(url);
        String intent = paymentIntentIn(completed.body());

        assertEquals(200, stripe.deliver(completed));

        Sponsorship after = context.getBean(ViewingSponsorships.class).one(s.id(), null, true);
        assertEquals(SponsorshipStatus.PAID, after.status());
        assertEquals("BACS 4711", after.paymentReference(), "the transfer stays the payment of record");
        assertEquals(1, paidEvents(s), "the ledger counts the invoice once");
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.card-payment-not-applied'"
                                + " and target = ? and details like '%" + intent + "%paid%'",
                        s));
        String mail = staffMail(s);
        for (String expected : List.of(
                "card payment " + intent,
                "of $18,000.00 could not be applied: the sponsorship is paid already",
                "BACS 4711",
                s.invoiceNumber(),
                "refund")) {
            assertTrue(mail.contains(expected), expected + " not in the staff mail:\n" + mail);
        }
    }

    @Test
    void a_card_payment_of_less_than_the_invoice_total_leaves_it_unpaid_and_is_reported_to_staff_to_refund_or_settle()
            throws Exception {
        Sponsorship s = executed("Short Paid Co");
        // Stripe reports $15,000.00 paid (the fee without its tax: a coupon, or the terms the checkout was opened
        // with), while the invoice asks for $18,000.00
        StripeStandin.Delivery completed = charged(payByCard(s), 1_500_000, "usd");
        String intent = paymentIntentIn(completed.body());

        assertEquals(200, stripe.deliver(completed));

        assertEquals(SponsorshipStatus.EXECUTED, status(s), "the invoice is not paid in full");
        assertEquals(0, paidEvents(s), "nothing reaches the funds ledger");
        assertEquals(0, count("select count(*) from audit_log where action = 'sponsorship.paid' and target = ?", s));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.card-payment-not-applied'"
                                + " and actor = 'stripe' and target = ? and details like '%" + intent
                                + "%USD 15,000.00%asks for USD 18,000.00%'",
                        s));
        String mail = staffMail(s);
        for (String expected : List.of(
                "refund or settle",
                "card payment " + intent,
                "Short Paid Co",
                "of $15,000.00 could not be applied",
                "invoice " + s.invoiceNumber() + " asks for USD 18,000.00",
                "record the invoice paid with reference \"card " + intent + "\"")) {
            assertTrue(mail.contains(expected), expected + " not in the staff mail:\n" + mail);
        }

        assertEquals(200, stripe.deliver(completed), "a redelivery is acknowledged");
        assertEquals(1, staffMails(s), "and reported once");

        // staff settle the difference with the sponsor and record the invoice paid: the ledger hears of it once
        context.getBean(RecordingSponsorshipPayment.class).paid("staff-1", s.id(), "card " + intent);
        assertEquals(SponsorshipStatus.PAID, status(s));
        assertEquals(1, paidEvents(s));
    }

    @Test
    void a_card_payment_in_another_currency_than_the_invoice_leaves_it_unpaid_and_is_reported_to_staff()
            throws Exception {
        Sponsorship s = executed("Euro Paid GmbH");
        StripeStandin.Delivery completed = charged(payByCard(s), 1_800_000, "eur");
        String intent = paymentIntentIn(completed.body());

        assertEquals(200, stripe.deliver(completed));

        assertEquals(SponsorshipStatus.EXECUTED, status(s), "EUR 18,000.00 does not pay USD 18,000.00");
        assertEquals(0, paidEvents(s));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.card-payment-not-applied'"
                                + " and target = ? and details like '%" + intent
                                + "%EUR 18,000.00%asks for USD 18,000.00%'",
                        s));
        assertTrue(staffMail(s).contains("refund or settle"));
    }

    @Test
    void a_paid_checkout_that_does_not_say_what_it_charged_leaves_the_invoice_unpaid_and_is_reported_to_staff()
            throws Exception {
        Sponsorship s = executed("Unsaid Amount LLC");
        StripeStandin.Delivery held = payByCard(s);
        String body = held.body().replaceFirst("\"amount_total\"\\s*:\\s*\\d+\\s*,", "");
        assertFalse(body.contains("\"amount_total\""), body);
        String intent = paymentIntentIn(body);

        assertEquals(200, stripe.deliver(new StripeStandin.Delivery(held.eventId(), held.type(), body)));

        assertEquals(SponsorshipStatus.EXECUTED, status(s));
        assertEquals(0, paidEvents(s));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_log where action = 'sponsorship.card-payment-not-applied'"
                                + " and target = ? and details like '%" + intent
                                + "%amount not stated%did not say what it charged%asks for USD 18,000.00%'",
                        s));
        assertTrue(staffMail(s).contains("refund or settle"));
    }

    /** The held event as Stripe would send it had it charged {@code minor} in {@code currency}. */
    static StripeStandin.Delivery charged(StripeStandin.Delivery completed, long minor, String currency) {
        String body = completed
                .body()
                .replaceFirst("\"amount_total\"\\s*:\\s*\\d+", "\"amount_total\":" + minor)
                .replaceFirst("\"currency\"\\s*:\\s*\"[a-z]{3}\"", "\"currency\":\"" + currency + "\"");
        assertTrue(body.contains("\"amount_total\":" + minor), body);
        return new StripeStandin.Delivery(completed.eventId(), completed.type(), body);
    }

    @Test
    void the_overdue_reminder_asks_for_the_invoice_total_with_tax() throws Exception {
        Sponsorship s = executed("Overdue Ltd");
        String invoice = SponsorshipsIT.text(
                context.getBean(ViewingSponsorships.class).document(s.id(), 1, "invoice", null, true));
        assertTrue(invoice.contains("USD 18,000.00"), invoice);
        try {
            clock.set(s.invoiceDue().plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
            context.getBean(RemindingSponsors.class).remind();
        } finally {
            clock.set(Instant.now());
        }
        String reminder = text(
                "select body from mail_outbox where recipient = 'ap@overdueltd.example'"
                        + " and subject = 'Reminder: invoice " + s.invoiceNumber() + " is overdue'",
                null);
        assertTrue(reminder.contains("(" + "$18,000.00) was due on"), reminder);
        assertFalse(reminder.contains("$15,000.00"), "not the fee without its tax: " + reminder);
    }

    @Test
    void staff_download_sponsorships_as_csv_with_the_invoice_total_and_names_kept_as_text() throws Exception {
        // paid by transfer: the fee, the 20 % tax and the invoice total, when invoiced and when paid
        Sponsorship paid = executed("Comma, Inc.");
        context.getBean(RecordingSponsorshipPayment.class).paid("staff-1", paid.id(), "BACS 9000");
        paid = context.getBean(ViewingSponsorships.class).one(paid.id(), null, true);
        // only applied: no invoice yet, so no tax and no total; a name a spreadsheet would run as a formula
        Sponsorship applied = context.getBean(ApplyingForSponsorship.class)
                .apply(
                        "acct-formula",
                        SponsorshipsIT.organisation("=SUM(A1:A9) Holdings"),
                        new Selection(2022, "associate", List.of("pycon-job-listing")));
        applied = context.getBean(ViewingSponsorships.class).one(applied.id(), null, true);

        java.net.http.HttpResponse<String> csv = get("/api/sponsors/sponsorships.csv", "STAFF");

        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers() + "");
        assertEquals(
                "attachment; filename=\"sponsorships.csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        String header = "id,organisation_name,year,package_code,add_ons,status,applied_at,start_date,end_date,"
                + "sponsor_signed_at,fee_minor,tax_minor,invoice_total_minor,currency,invoice_number,invoiced_at,"
                + "invoice_due,paid_at,payment_reference\r\n";
        assertTrue(csv.body().startsWith(header), csv.body());
        assertTrue(csv.body().endsWith("\r\n"), csv.body());
        assertFalse(csv.body().replace("\r\n", "").contains("\n"), "every line ends in CRLF: " + csv.body());
        String paidRow = paid.id() + ",\"Comma, Inc.\",2022,supporting,,PAID," + paid.appliedAt()
                + ",2027-01-01,2027-12-31," + paid.sponsorSignature().at() + ",1500000,300000,1800000,USD,"
                + paid.invoiceNumber() + "," + paid.foundationSignature().at() + "," + paid.invoiceDue() + ","
                + paid.paidAt() + ",BACS 9000\r\n";
        String appliedRow = applied.id() + ",'=SUM(A1:A9) Holdings,2022,associate,pycon-job-listing,APPLIED,"
                + applied.appliedAt() + ",,,," + applied.fee().minor() + ",,,USD,,,,,\r\n";
        assertTrue(csv.body().contains("\r\n" + paidRow), paidRow + " not in:\n" + csv.body());
        assertTrue(csv.body().contains("\r\n" + appliedRow), appliedRow + " not in:\n" + csv.body());

        // the JSON list's filters: one status
        String onlyPaid =
                get("/api/sponsors/sponsorships.csv?status=paid", "STAFF").body();
        assertTrue(onlyPaid.contains(paidRow), onlyPaid);
        assertFalse(onlyPaid.contains(applied.id().toString()), onlyPaid);
        assertEquals(
                422, get("/api/sponsors/sponsorships.csv?status=lost", "STAFF").statusCode());
        // or one benefit
        String withJobListing = get("/api/sponsors/sponsorships.csv?benefit=pycon-job-listing", "STAFF")
                .body();
        assertTrue(withJobListing.contains(appliedRow), withJobListing);
        assertFalse(withJobListing.contains(paid.id().toString()), withJobListing);

        // sponsors do not see everyone's invoices
        assertEquals(403, get("/api/sponsors/sponsorships.csv", "SPONSOR").statusCode());
    }

    @Test
    void an_issued_invoice_is_checked_out_paid_reminded_and_exported_at_its_total_after_the_tax_rate_changes()
            throws Exception {
        // issued at 20 %: $15,000.00 and $3,000.00 tax
        Sponsorship paidByCard = executed("Rate Change Ltd");
        Sponsorship overdue = executed("Rate Change Overdue Ltd");
        // the foundation raises the rate to 25 % and restarts the service on the same database
        ApplicationContext later = started("VAT 25 %", 2500);
        URI laterBase = later.getBean(EmbeddedServer.class).getURI();
        try {
            // the checkout asks for the invoice's $18,000.00, not $18,750.00
            StripeStandin.Delivery completed =
                    pay(later.getBean(PayingInvoice.class).checkout(account(paidByCard), paidByCard.id()));
            assertTrue(
                    Pattern.compile("\"amount_total\"\\s*:\\s*1800000\\b")
                            .matcher(completed.body())
                            .find(),
                    "the invoice's total as issued: " + completed.body());
            // and Stripe's payment of it pays the invoice
            stripe.webhookUrl(laterBase.resolve("/api/sponsors/stripe/webhook"));
            try {
                assertEquals(200, stripe.deliver(completed));
            } finally {
                stripe.webhookUrl(base.resolve("/api/sponsors/stripe/webhook"));
            }
            assertEquals(SponsorshipStatus.PAID, status(paidByCard));
            assertEquals(1, paidEvents(paidByCard));
            assertEquals(0, staffMails(paidByCard), "not reported as another amount than the invoice's");

            // the overdue reminder asks for what the PDF says
            try {
                clock.set(overdue.invoiceDue()
                        .plusDays(3)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
                later.getBean(RemindingSponsors.class).remind();
            } finally {
                clock.set(Instant.now());
            }
            String reminder = text(
                    "select body from mail_outbox where recipient = 'ap@ratechangeoverdueltd.example'"
                            + " and subject = 'Reminder: invoice " + overdue.invoiceNumber() + " is overdue'",
                    null);
            assertTrue(reminder != null && reminder.contains("($18,000.00) was due on"), reminder);

            // the staff CSV shows the tax and total each invoice was issued with
            String csv =
                    get(laterBase, "/api/sponsors/sponsorships.csv", "STAFF").body();
            for (Sponsorship s : List.of(paidByCard, overdue)) {
                assertTrue(
                        csv.contains("," + s.sponsorSignature().at() + ",1500000,300000,1800000,USD,"
                                + s.invoiceNumber() + ","),
                        s.invoiceNumber() + " at 20 % in:\n" + csv);
            }

            // a contract nullified and executed again issues a new invoice, at the rate of that day
            SigningContract signing = later.getBean(SigningContract.class);
            signing.nullify("staff-1", overdue.id(), "the end date should be 31 January 2028");
            signing.send("staff-1", overdue.id());
            String draft =
                    later.getBean(ViewingSponsorships.class).versions(overdue.id(), account(overdue), false).stream()
                            .filter(v -> v.revision() == 2 && v.kind() == ContractDocument.Kind.DRAFT)
                            .findFirst()
                            .orElseThrow()
                            .sha256();
            signing.sign(account(overdue), overdue.id(), "Pat Primary", "CEO", draft);
            Sponsorship reissued = signing.countersign("staff-1", overdue.id(), "Deb Forbes", "Executive Director");
            assertEquals(2, reissued.revision());
            String invoice = SponsorshipsIT.text(
                    later.getBean(ViewingSponsorships.class).document(overdue.id(), 2, "invoice", null, true));
            assertTrue(invoice.contains("USD 18,750.00") && invoice.contains("VAT 25 %"), invoice);
            StripeStandin.Delivery reissuedCheckout =
                    pay(later.getBean(PayingInvoice.class).checkout(account(overdue), overdue.id()));
            assertTrue(
                    Pattern.compile("\"amount_total\"\\s*:\\s*1875000\\b")
                            .matcher(reissuedCheckout.body())
                            .find(),
                    "the new invoice's total: " + reissuedCheckout.body());
            assertTrue(
                    get(laterBase, "/api/sponsors/sponsorships.csv", "STAFF")
                            .body()
                            .contains(",1500000,375000,1875000,USD," + reissued.invoiceNumber() + ","),
                    "the new invoice in the CSV");

            // an invoice issued before the figures were kept (V7) has none: today's settings, not a guess
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                    PreparedStatement statement = c.prepareStatement("update sponsorship set invoice_tax_minor = null,"
                            + " invoice_total_minor = null where id = ?")) {
                statement.setObject(1, paidByCard.id());
                assertEquals(1, statement.executeUpdate());
            }
            assertTrue(
                    get(laterBase, "/api/sponsors/sponsorships.csv", "STAFF")
                            .body()
                            .contains(",1500000,375000,1875000,USD," + paidByCard.invoiceNumber() + ","),
                    "an invoice without kept figures at today's 25 %");
        } finally {
            later.close();
        }
    }

    static java.net.http.HttpResponse<String> get(String path, String role) throws Exception {
        return get(base, path, role);
    }

    static java.net.http.HttpResponse<String> get(URI server, String path, String role) throws Exception {
        String token = org.endow.devstack.JwtKeys.gatewayToken(
                TestInfra.get().jwtKeys(), "acct-" + role, "Name " + role, role + "@psf.test", List.of(role));
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(
                    java.net.http.HttpRequest.newBuilder(server.resolve(path))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Applied for the Supporting package ($15,000.00), approved, signed and countersigned. */
    static Sponsorship executed(String name) {
        String account = "acct-" + name;
        Sponsorship s = context.getBean(ApplyingForSponsorship.class)
                .apply(account, SponsorshipsIT.organisation(name), new Selection(2022, "supporting", List.of()));
        ReviewingSponsorship reviewing = context.getBean(ReviewingSponsorship.class);
        reviewing.vet("staff-1", s.id(), true, "");
        reviewing.approve("staff-1", s.id(), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), null);
        SigningContract signing = context.getBean(SigningContract.class);
        signing.send("staff-1", s.id());
        String draft = context.getBean(ViewingSponsorships.class)
                .versions(s.id(), account, false)
                .getFirst()
                .sha256();
        signing.sign(account, s.id(), "Pat Primary", "CEO", draft);
        Sponsorship executed = signing.countersign("staff-1", s.id(), "Deb Forbes", "Executive Director");
        assertEquals(1_500_000, executed.fee().minor());
        return executed;
    }

    static String account(Sponsorship s) {
        return "acct-" + s.organisation().name();
    }

    /** The sponsor opens the checkout and pays; @return the event Stripe sends (held, not yet delivered). */
    static StripeStandin.Delivery payByCard(Sponsorship s) {
        return pay(context.getBean(PayingInvoice.class).checkout(account(s), s.id()));
    }

    static StripeStandin.Delivery pay(String checkoutUrl) {
        int before = stripe.events().size();
        stripe.pay(checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1));
        List<StripeStandin.Delivery> completed = new ArrayList<>();
        for (StripeStandin.Delivery d :
                stripe.events().subList(before, stripe.events().size())) {
            if (d.type().equals("checkout.session.completed")) {
                completed.add(d);
            }
        }
        assertEquals(1, completed.size());
        return completed.getFirst();
    }

    static String paymentIntentIn(String body) {
        Matcher m = Pattern.compile("\"payment_intent\"\\s*:\\s*\"(pi_[A-Za-z0-9_]+)\"")
                .matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    static SponsorshipStatus status(Sponsorship s) {
        return context.getBean(ViewingSponsorships.class)
                .one(s.id(), null, true)
                .status();
    }

    static long paidEvents(Sponsorship s) throws SQLException {
        return count(
                "select count(*) from outbox_message where event_type = 'sponsorships.SponsorshipPaid'"
                        + " and message_key = ?",
                s);
    }

    static long staffMails(Sponsorship s) throws SQLException {
        return count(
                "select count(*) from mail_outbox where recipient = '" + STAFF + "'"
                        + " and subject like '%could not be applied%' and body like ?",
                s);
    }

    static String staffMail(Sponsorship s) throws SQLException {
        assertEquals(1, staffMails(s), "one mail to staff");
        return text(
                "select subject || E'\\n' || body from mail_outbox where recipient = '" + STAFF + "'"
                        + " and subject like '%could not be applied%' and body like ?",
                s);
    }

    /**
     * @param sql with at most one parameter: the sponsorship's id, bound as {@code sponsorship:<id>}
     *     when compared to an audit target, as {@code %<id>%} in a {@code like}, or as the id
     */
    static long count(String sql, Sponsorship s) throws SQLException {
        return Long.parseLong(text(sql, s));
    }

    static long count(String sql) throws SQLException {
        return count(sql, null);
    }

    static String text(String sql, Sponsorship s) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement statement = c.prepareStatement(sql)) {
            if (s != null) {
                statement.setString(
                        1,
                        sql.contains("target = ?")
                                ? "sponsorship:" + s.id()
                                : sql.contains("like ?") ? "%" + s.id() + "%" : s.id().toString());
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
