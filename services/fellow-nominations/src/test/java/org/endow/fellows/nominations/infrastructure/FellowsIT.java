package org.endow.fellows.nominations.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.fellows.nominations.application.Electing;
import org.endow.fellows.nominations.application.Nominating;
import org.endow.fellows.nominations.application.Reviewing;
import org.endow.fellows.nominations.application.Voting;
import org.endow.fellows.nominations.model.Nomination;
import org.endow.fellows.nominations.model.NomineeStatus;
import org.endow.fellows.nominations.model.WorkGroup;
import org.endow.kernel.voting.Choice;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/**
 * The Fellow process against a real PostgreSQL with a clock the test moves: two nominations of one
 * person merged into one nominee (a nominator of both addresses keeps one standing nomination),
 * references requested and supplied, a vote with a conflict closed at the window's end, acceptance
 * onto the roster with FellowElected; another nominee carried over and expired a year later; a
 * double vote, a late vote and a nominee reading their nomination.
 */
class FellowsIT {

    static final String STATEMENT =
            "Maintains the packaging tools used by millions and mentors new contributors every year.";

    static ApplicationContext context;
    static Database db;
    static MovableClock clock;

    @BeforeAll
    static void start() {
        db = TestInfra.get().freshDatabase("fellow_nominations_it");
        clock = new MovableClock(Instant.parse("2026-11-02T10:00:00Z"));
        context = FellowsService.start(
                db,
                clock,
                Map.<String, Object>of("endow.messaging.relay-enabled", false, "endow.mail.relay-enabled", false));
        Reviewing reviewing = context.getBean(Reviewing.class);
        for (String m : List.of("wg-1", "wg-2", "wg-3", "wg-4")) {
            reviewing.saveMember("staff", new WorkGroup.Member(m, "Member " + m, m + "@psf.test", false));
        }
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    static Nominating.MyNomination nominate(String account, String nominee, String email) {
        return context.getBean(Nominating.class)
                .nominate(new Nominating.NominateCommand(
                        account,
                        "Nominator " + account,
                        account + "@members.test",
                        nominee,
                        email,
                        List.of("https://github.com/" + nominee.toLowerCase().replace(' ', '-')),
                        STATEMENT,
                        List.of()));
    }

    @Test
    void two_nominations_merge_references_a_conflict_a_closed_vote_acceptance_and_the_roster() throws Exception {
        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        Reviewing reviewing = context.getBean(Reviewing.class);
        Voting voting = context.getBean(Voting.class);
        // two people nominate the same candidate: by the same email they are one nominee with two endorsements
        var first = nominate("alice", "Grace Hopper", "grace@example.org");
        var second = nominate("bob", "Grace Hopper", "GRACE@example.org");
        assertEquals(first.nominee().id(), second.nominee().id());
        assertEquals("2026-Q4", first.nominee().cycle().label());
        // a third nominates her under another address: staff merge the two nominees
        var third = nominate("carol", "Grace B. Hopper", "grace@navy.example");
        nominate("alice", "Grace Hopper", "grace@navy.example"); // alice nominated both addresses
        reviewing.merge("staff", third.nominee().id(), first.nominee().id());
        assertEquals(
                3,
                count("select count(*) from nomination where superseded_by is null and nominee_id = '"
                        + first.nominee().id() + "'"),
                "one standing nomination per nominator");
        assertEquals(
                first.nomination().id().toString(),
                text("select superseded_by from nomination where nominator_account = 'alice'"
                        + " and superseded_by is not null"),
                "alice's second nomination is kept, superseded by her first");
        assertEquals(1, context.getBean(Nominating.class).mine("alice").size());
        assertEquals(
                "Grace Hopper",
                context.getBean(Nominating.class)
                        .mine("carol")
                        .getFirst()
                        .nominee()
                        .name());

        // the nominee may not read a nomination about her
        ProblemException confidential = assertThrows(
                ProblemException.class,
                () -> context.getBean(Nominating.class)
                        .read(first.nomination().id(), "grace-account", "grace@example.org", false));
        assertEquals(403, confidential.status().getCode());
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> context.getBean(Nominating.class)
                                        .read(first.nomination().id(), "bob", "bob@members.test", false))
                        .status()
                        .getCode());

        // references requested, then supplied through the emailed link
        reviewing.requestReferences("wg-1", first.nominee().id());
        String mail = text(
                "select body from mail_outbox where recipient = 'alice@members.test' and subject like 'Please add three%'");
        Matcher link =
                Pattern.compile("/fellows/references/([A-Za-z0-9_-]{43})").matcher(mail);
        assertTrue(link.find(), mail);
        var refs = List.of(
                new Nomination.Reference("Ref One", "one@example.org", "colleague"),
                new Nomination.Reference("Ref Two", "two@example.org", "maintainer"),
                new Nomination.Reference("Ref Three", "three@example.org", "user"));
        assertEquals(
                NomineeStatus.VERIFIED,
                reviewing.addReferences(link.group(1), refs).status());

        // before the cut-off nobody votes; in the window: a conflict, a replaced vote
        ProblemException early = assertThrows(
                ProblemException.class,
                () -> voting.vote("wg-1", first.nominee().id(), Choice.YES));
        assertEquals(409, early.status().getCode());
        assertTrue(early.getMessage().contains("open from 21 Nov 2026"), early.getMessage());
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        assertFalse(voting.vote("wg-1", first.nominee().id(), Choice.NO).replaced());
        Voting.Cast again = voting.vote("wg-1", first.nominee().id(), Choice.YES);
        assertTrue(again.replaced(), "a second vote replaces the first, and says so");
        voting.vote("wg-2", first.nominee().id(), Choice.YES);
        voting.vote("wg-3", first.nominee().id(), Choice.CONFLICT);
        assertThrows(
                ProblemException.class,
                () -> voting.vote("outsider", first.nominee().id(), Choice.YES));
        // a reminder before the window closes goes to the member who has not voted
        clock.set(Instant.parse("2026-12-18T10:00:00Z"));
        assertEquals(1, voting.remind());
        assertEquals(0, voting.remind(), "once");
        // closed at the window's end: 2 yes of 2 cast (the conflict does not count) → elected
        clock.set(Instant.parse("2026-12-21T08:00:00Z"));
        ProblemException late = assertThrows(
                ProblemException.class,
                () -> voting.vote("wg-4", first.nominee().id(), Choice.NO));
        assertEquals(409, late.status().getCode());
        assertTrue(voting.closeDue() >= 1);
        String invitation = text(
                "select body from mail_outbox where recipient = 'grace@example.org' and subject = 'You have been elected a Fellow'");
        Matcher accept = Pattern.compile("/fellows/accept/([A-Za-z0-9_-]{43})").matcher(invitation);
        assertTrue(accept.find(), invitation);
        // elected, her answer pending: nominating her again is refused (she would be elected twice)
        ProblemException twice =
                assertThrows(ProblemException.class, () -> nominate("erin", "Grace Hopper", "Grace@Example.org"));
        assertEquals(409, twice.status().getCode());
        assertTrue(twice.getMessage().contains("already been elected"), twice.getMessage());
        assertEquals(
                3,
                count(
                        "select count(*) from mail_outbox where subject like 'Your Fellow nomination of Grace Hopper: elected'"));

        Electing electing = context.getBean(Electing.class);
        assertTrue(electing.roster().isEmpty(), "on the roster only once accepted");
        electing.accept(accept.group(1), "Grace B. Hopper");
        assertEquals("Grace B. Hopper", electing.roster().getFirst().displayName());
        assertEquals(1, count("select count(*) from outbox_message where event_type = 'fellows.FellowElected'"));
        // producer side of the contract: what the service writes has the golden sample's fields
        try (var json = io.micronaut.serde.ObjectMapper.create(Map.of(), "org.endow.events")) {
            var written = json.readValue(
                            text(
                                    "select envelope::text from outbox_message where event_type = 'fellows.FellowElected'"),
                            io.micronaut.json.tree.JsonNode.class)
                    .get("payload");
            var sample = json.readValue(
                            org.endow.events.EventSamples.read(org.endow.events.fellows.v1.FellowEvents.FELLOW_ELECTED),
                            io.micronaut.json.tree.JsonNode.class)
                    .get("payload");
            java.util.Set<String> writtenKeys = new java.util.HashSet<>();
            written.entries().forEach(e -> writtenKeys.add(e.getKey()));
            java.util.Set<String> sampleKeys = new java.util.HashSet<>();
            sample.entries().forEach(e -> sampleKeys.add(e.getKey()));
            assertEquals(sampleKeys, writtenKeys);
            assertEquals("Grace B. Hopper", written.get("name").getStringValue());
            assertEquals("2026-Q4", written.get("cycle").getStringValue());
        }
        assertTrue(electing.announcement("2026-Q4").contains("Grace B. Hopper"));
        byte[] minutes = electing.minutes("Python Software Foundation", "2026-Q4");
        String text =
                new PdfTextExtractor(new PdfReader(minutes)).getTextFromPage(1).replace("\n", " ");
        assertTrue(text.contains("Grace Hopper") && text.contains("elected"), text);
        assertFalse(text.contains("wg-1"), "no individual votes in the minutes");
        Files.write(Path.of("target/minutes-sample.pdf"), minutes);
        assertTrue(count("select count(*) from audit_log where action = 'vote.closed'") >= 1);
    }

    @Test
    void a_nominee_not_approved_is_carried_over_and_expires_after_a_year() {
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        Voting voting = context.getBean(Voting.class);
        var made = nominate("dave", "Linus Example", "linus@example.org");
        assertEquals("2027-Q1", made.nominee().cycle().label());
        context.getBean(Reviewing.class).verify("wg-1", made.nominee().id());
        clock.set(Instant.parse("2027-02-25T10:00:00Z"));
        voting.vote("wg-1", made.nominee().id(), Choice.YES);
        voting.vote("wg-2", made.nominee().id(), Choice.NO);
        voting.vote("wg-3", made.nominee().id(), Choice.NO);
        Voting.Cast last = voting.vote("wg-4", made.nominee().id(), Choice.ABSTAIN);
        assertTrue(last.closed(), "everyone voted: the tally closes early");
        assertEquals("2027-Q2", last.nominee().cycle().label());
        assertEquals(
                1,
                count(
                        "select count(*) from mail_outbox where recipient = 'dave@members.test' and subject like '%carried over'"));
        // no vote in the next cycles: carried over each quarter until a year has passed
        for (String day : List.of("2027-06-21", "2027-09-21", "2027-12-21")) {
            clock.set(Instant.parse(day + "T08:00:00Z"));
            voting.closeDue();
        }
        assertEquals(
                "EXPIRED",
                text("select status from nominee where id = '" + made.nominee().id() + "'"));
        assertEquals(
                1,
                count(
                        "select count(*) from mail_outbox where recipient = 'dave@members.test' and subject like '%expired'"));
        clock.advance(Duration.ofDays(1));
    }

    static long count(String sql) throws RuntimeException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                var statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String sql) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                var statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
