package org.endow.fellows.nominations.infrastructure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endow.devstack.Database;
import org.endow.devstack.JwtKeys;
import org.endow.devstack.TestInfra;
import org.endow.events.Topics;
import org.endow.platform.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Fellow process through the HTTP API with gateway-signed tokens, against the real PostgreSQL,
 * Kafka and an SMTP server (GreenMail), with a clock the test moves: two nominators of one candidate,
 * the nominee refused her nomination, references asked for by email and supplied through the link,
 * roles, a vote before the window (409 problem), a replaced vote and a conflict, the vote closing when
 * everyone voted, acceptance through the emailed link, the public roster, {@code FellowElected} on
 * its topic, the staff's audit log, announcement and minutes PDF.
 */
class FellowsApiIT {

    static final String STATEMENT =
            "Maintains the packaging tools used by millions and mentors new contributors every year.";
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = ObjectMapper.getDefault();

    static ApplicationContext context;
    static GreenMail smtp;
    static URI base;
    static MovableClock clock;

    @BeforeAll
    static void start() throws IOException {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Database db = TestInfra.get().freshDatabase("fellow_nominations_api_it");
        clock = new MovableClock(Instant.parse("2026-11-02T10:00:00Z"));
        context = FellowsService.start(
                db,
                clock,
                Map.<String, Object>of(
                        "endow.mail.smtp.port",
                        smtpPort,
                        "endow.mail.relay-interval",
                        "100ms",
                        // the deadline job runs on the moved clock, as in production
                        "endow.fellows.deadlines-enabled",
                        true,
                        "endow.fellows.deadline-check",
                        "100ms",
                        "endow.fellows.deadline-initial-delay",
                        "100ms"));
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        base = server.getURI();
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
    void two_nominators_references_a_conflict_a_closed_vote_acceptance_the_roster_and_fellow_elected_on_its_topic()
            throws Exception {
        for (String m : List.of("wg-1", "wg-2", "wg-3")) {
            assertEquals(
                    200,
                    call("PUT", "/api/fellows/members/" + m, staff(), """
                                    {"name":"Member %s","email":"%s@psf.test","veto":false}""".formatted(m, m))
                            .statusCode());
        }

        // two members nominate the same candidate (emails differ in case): one nominee, two endorsements
        HttpResponse<String> made = call(
                "POST", "/api/fellows/nominations", member("alice"), nomination("Grace Hopper", "grace@example.org"));
        assertEquals(201, made.statusCode(), made.body());
        String nominationId = json(made).get("id").getStringValue();
        assertEquals("2026-Q4", json(made).get("cycle").getStringValue());
        assertEquals(
                201,
                call("POST", "/api/fellows/nominations", member("bob"), nomination("Grace Hopper", "GRACE@example.org"))
                        .statusCode());
        assertEquals(
                201,
                call(
                                "POST",
                                "/api/fellows/nominations",
                                member("carol"),
                                nomination("Linus Example", "linus@example.org"))
                        .statusCode());
        assertEquals(
                1,
                json(call("GET", "/api/fellows/nominations/mine", member("alice"), null))
                        .size());

        // the nominee, signed in, may not read it; another nominator does not learn it exists
        HttpResponse<String> nominee = call("GET", "/api/fellows/nominations/" + nominationId, member("grace"), null);
        assertEquals(403, nominee.statusCode());
        assertTrue(nominee.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(nominee.body().contains("confidential"), nominee.body());
        assertEquals(
                404,
                call("GET", "/api/fellows/nominations/" + nominationId, member("bob"), null)
                        .statusCode());
        assertEquals(
                403, call("GET", "/api/fellows/review", member("alice"), null).statusCode());

        JsonNode page = json(call("GET", "/api/fellows/review", wg("wg-1"), null));
        assertEquals("2026-Q4", page.get("cycle").getStringValue());
        JsonNode grace = entry(page, "Grace Hopper");
        String nomineeId = grace.get("id").getStringValue();
        assertEquals(2, grace.get("endorsements").size());
        String linusId = entry(page, "Linus Example").get("id").getStringValue();
        assertEquals(
                200,
                call("POST", "/api/fellows/nominees/" + linusId + "/verification", wg("wg-1"), null)
                        .statusCode());

        // references requested: each nominator gets a link by email; three references verify the nominee
        assertEquals(
                200,
                call("POST", "/api/fellows/nominees/" + nomineeId + "/references-request", wg("wg-1"), null)
                        .statusCode());
        String link = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo("alice@members.test", "Please add three"), body -> body != null);
        Matcher token = Pattern.compile("https://portal.test/fellows/references/([A-Za-z0-9_-]+)")
                .matcher(link);
        assertTrue(token.find(), link);
        HttpResponse<String> added = call("POST", "/api/fellows/references/" + token.group(1), null, """
                {"references":[{"name":"Ref One","email":"one@example.org","relation":"colleague"},
                 {"name":"Ref Two","email":"two@example.org","relation":"maintainer"},
                 {"name":"Ref Three","email":"three@example.org","relation":"user"}]}""");
        assertEquals(200, added.statusCode(), added.body());
        assertEquals("VERIFIED", json(added).get("status").getStringValue());

        // before the window: refused with a clear 409 problem; a non-member cannot vote at all
        HttpResponse<String> early = vote("wg-1", nomineeId, "YES");
        assertEquals(409, early.statusCode());
        assertTrue(early.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(early.body().contains("open from 21 Nov 2026 to 20 Dec 2026"), early.body());
        assertEquals(
                403,
                call("POST", "/api/fellows/nominees/" + nomineeId + "/votes", member("alice"), "{\"choice\":\"YES\"}")
                        .statusCode());

        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        assertFalse(json(vote("wg-1", nomineeId, "NO")).get("replaced").getBooleanValue());
        JsonNode replaced = json(vote("wg-1", nomineeId, "YES"));
        assertTrue(replaced.get("replaced").getBooleanValue());
        assertEquals(
                "Your earlier vote was replaced by this one",
                replaced.get("message").getStringValue());
        HttpResponse<String> maybe = vote("wg-2", nomineeId, "MAYBE");
        assertEquals(422, maybe.statusCode());
        assertTrue(maybe.body().contains("must be YES, NO, ABSTAIN or CONFLICT"), maybe.body());
        vote("wg-2", nomineeId, "YES");
        JsonNode last = json(vote("wg-3", nomineeId, "CONFLICT"));
        assertTrue(last.get("closed").getBooleanValue(), "everyone voted: the tally closed");
        assertEquals("ELECTED", last.get("nominee").get("status").getStringValue());

        // the nominee accepts through the emailed invitation and joins the public roster
        String invitation = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo("grace@example.org", "You have been elected"), body -> body != null);
        Matcher accept = Pattern.compile("https://portal.test/fellows/accept/([A-Za-z0-9_-]+)")
                .matcher(invitation);
        assertTrue(accept.find(), invitation);
        assertEquals(
                200,
                call("GET", "/api/fellows/acceptance/" + accept.group(1), null, null)
                        .statusCode());
        assertEquals(
                422,
                call("POST", "/api/fellows/acceptance/" + accept.group(1), null, "{\"displayName\":\" \"}")
                        .statusCode());
        assertEquals(
                200,
                call(
                                "POST",
                                "/api/fellows/acceptance/" + accept.group(1),
                                null,
                                "{\"displayName\":\"Grace B. Hopper\"}")
                        .statusCode());
        HttpResponse<String> rosterResponse = call("GET", "/api/fellows/roster", null, null);
        JsonNode roster = json(rosterResponse);
        assertEquals("Grace B. Hopper", roster.get(0).get("name").getStringValue());
        assertEquals("2026-Q4", roster.get(0).get("cycle").getStringValue());
        assertFalse(rosterResponse.body().contains("@"), "no email on the public roster: " + rosterResponse.body());

        // FellowElected reaches its topic, keyed by the nominee
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.FELLOWS_V1));
            ConsumerRecord<String, String> elected = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                                    if (nomineeId.equals(r.key())) {
                                        return r;
                                    }
                                }
                                return null;
                            },
                            r -> r != null);
            assertTrue(elected.value().contains("\"fellows.FellowElected\""), elected.value());
            assertTrue(elected.value().contains("Grace B. Hopper"), elected.value());
        }

        // staff: every decision audited, the announcement draft and the minutes
        HttpResponse<String> audit = call("GET", "/api/fellows/audit", staff(), null);
        assertEquals(200, audit.statusCode());
        String actions = audit.body();
        for (String action : List.of("nominee.references-requested", "vote.cast", "vote.closed", "fellow.accepted")) {
            assertTrue(actions.contains(action), actions);
        }
        assertEquals(403, call("GET", "/api/fellows/audit", wg("wg-1"), null).statusCode());
        assertTrue(json(call("GET", "/api/fellows/cycles/2026-Q4/announcement", staff(), null))
                .get("text")
                .getStringValue()
                .contains("* Grace B. Hopper"));
        HttpResponse<byte[]> minutes = http.send(
                request("GET", "/api/fellows/cycles/2026-Q4/minutes.pdf", staff(), null)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, minutes.statusCode());
        assertEquals("%PDF", new String(Arrays.copyOf(minutes.body(), 4), java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(Path.of("target/fellows-api-minutes.pdf"), minutes.body());

        // the other nominee: one vote; reminders and the close come from the deadline job on the moved clock
        assertEquals(200, vote("wg-1", linusId, "NO").statusCode());
        clock.set(Instant.parse("2026-12-18T10:00:00Z"));
        assertTrue(context.containsBean(DeadlineJob.class));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo("wg-2@psf.test", "Reminder: your vote on Linus Example") != null
                        && mailTo("wg-3@psf.test", "Reminder: your vote on Linus Example") != null);
        assertEquals(null, mailTo("wg-1@psf.test", "Reminder"), "wg-1 has voted");
        clock.set(Instant.parse("2026-12-21T10:00:00Z"));
        HttpResponse<String> late = vote("wg-2", linusId, "YES");
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(late.body().contains("is open from"), late.body());
        String carried = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> mailTo("carol@members.test", "Your Fellow nomination of Linus Example: carried over"),
                        body -> body != null);
        assertTrue(carried.contains("reconsidered in cycle 2027-Q1"), carried);
        assertFalse(mailTo("linus@example.org", "") != null, "the nominee hears nothing unless elected");
    }

    static String nomination(String name, String email) {
        return """
                {"nomineeName":"%s","nomineeEmail":"%s","links":["https://github.com/grace"],
                 "statement":"%s"}""".formatted(name, email, STATEMENT);
    }

    static JsonNode entry(JsonNode reviewPage, String name) {
        JsonNode nominees = reviewPage.get("nominees");
        for (int i = 0; i < nominees.size(); i++) {
            if (nominees.get(i).get("name").getStringValue().equals(name)) {
                return nominees.get(i);
            }
        }
        throw new AssertionError(name + " is not on the work group's page");
    }

    static HttpResponse<String> vote(String member, String nomineeId, String choice) throws Exception {
        return call(
                "POST", "/api/fellows/nominees/" + nomineeId + "/votes", wg(member), "{\"choice\":\"" + choice + "\"}");
    }

    static String member(String account) {
        return token(account, account + (account.equals("grace") ? "@example.org" : "@members.test"), "NOMINATOR");
    }

    static String wg(String account) {
        return token(account, account + "@psf.test", "FELLOWS_WG");
    }

    static String staff() {
        return token("staff-1", "staff@psf.test", "STAFF");
    }

    static String token(String account, String email, String role) {
        return JwtKeys.gatewayToken(TestInfra.get().jwtKeys(), account, "Name " + account, email, List.of(role));
    }

    static HttpRequest.Builder request(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return http.send(request(method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
        return JSON.readValue(response.body(), JsonNode.class);
    }

    static String mailTo(String address, String subjectStart) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)
                    && m.getSubject().startsWith(subjectStart)) {
                return GreenMailUtil.getBody(m);
            }
        }
        return null;
    }

    static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "fellows-api-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
