package org.endow.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.endow.devstack.JwtKeys;
import org.endow.devstack.TestInfra;
import org.endow.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first flow end to end, over HTTP through the gateway, with every application a separate
 * process on the real broker and database: a donor pledges, the funds ledger shows it.
 */
class PledgeFlowIT {

    static EndowStack stack;
    static Http http;
    static Donor ada;
    static GreenMail mail;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "pledge-flow",
                java.util.List.of(),
                java.util.Map.of("donations", java.util.Map.of("ENDOW_MAIL_SMTP_PORT", Integer.toString(smtpPort))));
        http = new Http(stack.gatewayUrl());
        ada = Donor.signUp(http, "Ada Lovelace");
        Donor.awaitItemsKnown(http, "packaging");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void a_pledge_made_through_the_gateway_shows_in_the_item_balance() {
        long before = Donor.pledged(http, "packaging");

        Http.Response pledge = ada.pledge(250_000, "packaging");

        assertEquals(201, pledge.status(), pledge.body());
        assertEquals("PLEDGED", pledge.field("status"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Donor.pledged(http, "packaging") == before + 250_000);
    }

    @Test
    void staff_reconcile_a_pledge_and_the_item_shows_it_raised_once() {
        long pledgedBefore = Donor.pledged(http, "general");
        long raisedBefore = Donor.raised(http, "general");
        Http.Response pledge = ada.pledge(12_345, "general");
        assertEquals(201, pledge.status(), pledge.body());
        String path = "/api/donations/pledges/" + pledge.field("id") + "/received";
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);

        Http.Response byDonor = http.postJson(path, "{}", ada.token);
        Http.Response received = http.postJson(path, "{\"reference\":\"BACS 2026-11-27\"}", staff);
        Http.Response again = http.postJson(path, "{}", staff);

        assertEquals(403, byDonor.status(), "only staff reconcile: " + byDonor.body());
        assertEquals(200, received.status(), received.body());
        assertEquals("RECEIVED", received.field("status"));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.isProblem());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Donor.raised(http, "general") == raisedBefore + 12_345
                        && Donor.pledged(http, "general") == pledgedBefore);
    }

    @Test
    void staff_move_general_money_to_an_item_with_a_reason_and_only_staff_may() {
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        long raisedBefore = Donor.raised(http, "general");
        Http.Response pledge = ada.pledge(50_000, "general");
        assertEquals(201, pledge.status(), pledge.body());
        Http.Response received =
                http.postJson("/api/donations/pledges/" + pledge.field("id") + "/received", "{}", staff);
        assertEquals(200, received.status(), received.body());
        // this pledge's 500.00 is in the general fund (not just money other tests left there)
        await().atMost(Duration.ofSeconds(30)).until(() -> Donor.raised(http, "general") == raisedBefore + 50_000);
        long generalBefore = Donor.raised(http, "general");
        long sprintBefore = Donor.raised(http, "core-sprint-2027");
        String transfer =
                "{\"toFund\":\"core-sprint-2027\",\"amountMinor\":30000,\"currency\":\"USD\",\"reason\":\"Travel grants shortfall\"}";

        Http.Response byDonor = http.postJson("/api/funds/transfers", transfer, ada.token);
        Http.Response noReason = http.postJson(
                "/api/funds/transfers",
                "{\"toFund\":\"core-sprint-2027\",\"amountMinor\":30000,\"currency\":\"USD\"}",
                staff);
        Http.Response made =
                http.postJson("/api/funds/transfers", transfer, staff, java.util.Map.of("Idempotency-Key", "t-1"));
        Http.Response repeated =
                http.postJson("/api/funds/transfers", transfer, staff, java.util.Map.of("Idempotency-Key", "t-1"));

        assertEquals(403, byDonor.status(), byDonor.body());
        assertEquals(422, noReason.status(), noReason.body());
        assertTrue(noReason.body().contains("\"field\":\"reason\""), noReason.body());
        assertEquals(201, made.status(), made.body());
        assertEquals(200, repeated.status(), repeated.body());
        assertEquals(generalBefore - 30_000, Donor.raised(http, "general"));
        assertEquals(sprintBefore + 30_000, Donor.raised(http, "core-sprint-2027"));
    }

    @Test
    void staff_browse_the_ledger_and_download_an_item_statement_as_pdf() throws Exception {
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        Http.Response pledge = ada.pledge(4_200, "security-dir");
        assertEquals(201, pledge.status());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/funds/ledger?fund=security-dir&kind=DONATION_PLEDGED", staff)
                        .body()
                        .contains("Pledge " + pledge.field("id")));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        Http.Response badDate = http.get("/api/funds/ledger?from=yesterday", staff);
        Http.Response byDonor = http.get("/api/funds/ledger", ada.token);
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.gatewayUrl()
                                        + "/api/funds/items/security-dir/statement.pdf?from=2026-01-01&to=" + today))
                                .header("Authorization", "Bearer " + staff)
                                .header("Accept", "application/pdf")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(422, badDate.status(), badDate.body());
        assertTrue(badDate.body().contains("\"field\":\"from\""), badDate.body());
        assertEquals(403, byDonor.status());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.file.Path out =
                org.endow.devstack.RepoRoot.find().resolve("system-tests/target/statement-security-dir.pdf");
        java.nio.file.Files.write(out, pdf.body());
    }

    @Test
    void staff_open_an_item_donors_can_give_to_it_and_once_closed_no_longer() {
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        String code = "pypi-support-" + Long.toString(System.nanoTime(), 36);
        String item =
                "{\"code\":\"%s\",\"title\":\"PyPI support\",\"kind\":\"ROLE\",\"targetMinor\":9000000,\"currency\":\"USD\"}"
                        .formatted(code);

        assertEquals(403, http.postJson("/api/funds/items", item, ada.token).status());
        Http.Response opened = http.postJson("/api/funds/items", item, staff);
        assertEquals(201, opened.status(), opened.body());
        assertEquals(409, http.postJson("/api/funds/items", item, staff).status());
        Donor.awaitItemsKnown(http, code); // the donations service learnt it from FundedItemPublished
        assertEquals(201, ada.pledge(1_000, code).status());

        Http.Response closed = http.send("PATCH", "/api/funds/items/" + code, "{\"status\":\"CLOSED\"}", staff);
        assertEquals(200, closed.status(), closed.body());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !http.get("/api/donations/funded-items", null).body().contains("\"" + code + "\""));
        Http.Response refused = ada.pledge(1_000, code);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"fundCode\""), refused.body());
    }

    @Test
    void a_received_gift_gets_a_numbered_receipt_by_email_that_only_its_donor_and_staff_can_download()
            throws Exception {
        Donor grace = Donor.signUp(http, "Grace Hopper");
        Http.Response pledge = grace.pledge(25_000, "packaging");
        assertEquals(201, pledge.status(), pledge.body());
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        Http.Response received = http.postJson(
                "/api/donations/pledges/" + pledge.field("id") + "/received", "{\"reference\":\"BACS 99\"}", staff);
        assertEquals(200, received.status(), received.body());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/donations/receipts/mine", grace.token)
                        .body()
                        .contains("\"number\""));
        String number = http.get("/api/donations/receipts/mine", grace.token)
                .json()
                .get(0)
                .get("number")
                .asText();
        assertTrue(number.matches("\\d{4}-\\d{6}"), number);
        Http.Response pdf = http.getAny("/api/donations/receipts/" + number + ".pdf", grace.token);
        assertEquals(200, pdf.status());
        assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
        assertEquals(
                404,
                http.getAny("/api/donations/receipts/" + number + ".pdf", ada.token)
                        .status());
        assertEquals(
                200,
                http.getAny("/api/donations/receipts/" + number + ".pdf", staff).status());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> java.util.Arrays.stream(mail.getReceivedMessages())
                        .anyMatch(m ->
                                recipient(m).equals(grace.email) && subject(m).contains("receipt")));
        jakarta.mail.internet.MimeMessage thanks = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equals(grace.email) && subject(m).contains("receipt"))
                .findFirst()
                .orElseThrow();
        // the pledge's payment instructions came first, with their PDF, and download again on request
        jakarta.mail.internet.MimeMessage howToPay = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equals(grace.email) && subject(m).startsWith("How to pay your gift"))
                .findFirst()
                .orElseThrow();
        jakarta.mail.Multipart instructions = (jakarta.mail.Multipart) howToPay.getContent();
        assertTrue(GreenMailUtil.getBody(instructions.getBodyPart(0)).contains("IBAN"));
        assertTrue(instructions.getBodyPart(1).getFileName().startsWith("payment-instructions-ENDOW-"));
        String pledgeId = http.get("/api/donations/pledges/mine", grace.token)
                .json()
                .get(0)
                .get("id")
                .asText();
        assertTrue(http.getAny("/api/donations/pledges/" + pledgeId + "/instructions.pdf", grace.token)
                .body()
                .startsWith("%PDF"));
        assertEquals(
                404,
                http.getAny("/api/donations/pledges/" + pledgeId + "/instructions.pdf", ada.token)
                        .status());
        assertTrue(thanks.getSubject().contains(number), thanks.getSubject());
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) thanks.getContent();
        assertTrue(GreenMailUtil.getBody(parts.getBodyPart(0)).contains("$250.00"));
        assertEquals("receipt-" + number + ".pdf", parts.getBodyPart(1).getFileName());
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void staff_see_each_service_dead_letters_and_donors_do_not() {
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        Donor donor = Donor.signUp(http, "Curious Donor");
        for (String service : java.util.List.of("donations", "funds")) {
            Http.Response listed = http.get("/api/" + service + "/operations/dead-letters", staff);
            assertEquals(200, listed.status(), listed.body());
            assertTrue(listed.body().startsWith("["), listed.body());
            assertEquals(
                    403,
                    http.get("/api/" + service + "/operations/dead-letters", donor.token)
                            .status());
            Http.Response missing =
                    http.postJson("/api/" + service + "/operations/dead-letters/999999/replay", "{}", staff);
            assertEquals(404, missing.status(), missing.body());
        }
    }

    @Test
    void the_same_event_delivered_twice_is_counted_once() throws Exception {
        long before = Donor.pledged(http, "cpython-dir");
        String donationId = UUID.randomUUID().toString();
        String envelope = """
                {"eventId":"%s","type":"donations.DonationPledged","version":1,"occurredAt":"2026-11-20T14:05:00Z",
                 "aggregateId":"%s","correlationId":"redelivery-test","payload":{"donationId":"%s","donorId":"ada",
                 "amountMinor":777,"currency":"USD","fundCode":"cpython-dir","method":"CHEQUE",
                 "pledgedAt":"2026-11-20T14:05:00Z"}}""".formatted(UUID.randomUUID(), donationId, donationId);
        Properties config = new Properties();
        config.put("bootstrap.servers", TestInfra.get().kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(
                                Topics.DONATIONS_V1, donationId, envelope.getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Donor.pledged(http, "cpython-dir") >= before + 777);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Donor.pledged(http, "cpython-dir") == before + 777);
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field_and_changes_nothing() {
        long before = Donor.pledged(http, "packaging");
        int minePledges =
                http.get("/api/donations/pledges/mine", ada.token).json().size();
        record Case(String body, int status, String field) {}
        List<Case> cases = List.of(
                new Case("{\"currency\":\"USD\",\"fundCode\":\"packaging\"}", 422, "amountMinor"),
                new Case("{\"amountMinor\":500,\"fundCode\":\"packaging\"}", 422, "currency"),
                new Case("{\"amountMinor\":500,\"currency\":\"USD\"}", 422, "fundCode"),
                new Case("{\"amountMinor\":-500,\"currency\":\"USD\",\"fundCode\":\"packaging\"}", 422, "amountMinor"),
                new Case("{\"amountMinor\":0,\"currency\":\"USD\",\"fundCode\":\"packaging\"}", 422, "amountMinor"),
                new Case(
                        "{\"amountMinor\":9223372036854775807,\"currency\":\"USD\",\"fundCode\":\"packaging\"}",
                        422,
                        "amountMinor"),
                new Case(
                        "{\"amountMinor\":\"lots\",\"currency\":\"USD\",\"fundCode\":\"packaging\"}",
                        400,
                        "amountMinor"),
                new Case("{\"amountMinor\":500,\"currency\":\"XYZ\",\"fundCode\":\"packaging\"}", 422, "currency"),
                new Case("{\"amountMinor\":500,\"currency\":\"usd\",\"fundCode\":\"packaging\"}", 422, "currency"),
                new Case("{\"amountMinor\":500,\"currency\":\"JPY\",\"fundCode\":\"packaging\"}", 422, "currency"),
                new Case("{\"amountMinor\":500,\"currency\":\"USD\",\"fundCode\":\"no-such-item\"}", 422, "fundCode"),
                new Case(
                        "{\"amountMinor\":500,\"currency\":\"USD\",\"fundCode\":\"packaging\",\"method\":\"GOLD\"}",
                        422,
                        "method"),
                new Case("{\"amountMinor\":500,", 400, null),
                new Case("[1,2,3]", 400, null),
                new Case("", 400, null));
        for (Case c : cases) {
            Http.Response response = http.postJson("/api/donations/pledges", c.body(), ada.token);
            assertEquals(c.status(), response.status(), c.body() + " -> " + response.body());
            assertTrue(response.isProblem(), c.body() + " -> " + response.contentType());
            assertTrue(response.json().has("errors"), "errors is always present: " + response.body());
            if (c.field() != null) {
                assertTrue(
                        response.json().get("errors").toString().contains("\"field\":\"" + c.field() + "\""),
                        c.body() + " -> " + response.body());
            }
        }

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Donor.pledged(http, "packaging") == before);
        assertEquals(
                minePledges,
                http.get("/api/donations/pledges/mine", ada.token).json().size());
    }

    @Test
    void no_token_or_a_forged_token_is_refused_and_changes_nothing() {
        long before = Donor.pledged(http, "packaging");
        String body = "{\"amountMinor\":500,\"currency\":\"USD\",\"fundCode\":\"packaging\"}";
        String foreignKey = JwtKeys.generate().privateKeyPem();
        for (String token : new String[] {
            null, "not-a-jwt", Tokens.signedWith(foreignKey, "mallory", "DONOR"), Tokens.unsigned("mallory", "DONOR")
        }) {
            Http.Response response = http.postJson("/api/donations/pledges", body, token);
            assertEquals(401, response.status(), token + " -> " + response.body());
            assertTrue(response.isProblem(), response.contentType());
        }
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Donor.pledged(http, "packaging") == before);
    }

    @Test
    void a_service_reached_directly_without_a_valid_token_refuses() {
        Http direct = new Http(stack.process("donations").baseUrl());
        // another item than the other tests', so that this pledge cannot disturb their balances
        String body = "{\"amountMinor\":500,\"currency\":\"USD\",\"fundCode\":\"security-dir\"}";
        assertEquals(401, direct.postJson("/api/donations/pledges", body, null).status());
        String forged = Tokens.signedWith(JwtKeys.generate().privateKeyPem(), "mallory", "DONOR");
        assertEquals(
                401, direct.postJson("/api/donations/pledges", body, forged).status());
        assertEquals(
                201, direct.postJson("/api/donations/pledges", body, ada.token).status());
    }
}
