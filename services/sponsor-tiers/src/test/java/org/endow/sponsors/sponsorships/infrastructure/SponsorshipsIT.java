package org.endow.sponsors.sponsorships.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.events.EventSamples;
import org.endow.events.sponsorships.v1.SponsorshipEvents;
import org.endow.kernel.HumanTime;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.testing.MovableClock;
import org.endow.sponsors.sponsorships.application.ApplyingForSponsorship;
import org.endow.sponsors.sponsorships.application.FulfillingBenefits;
import org.endow.sponsors.sponsorships.application.RecordingSponsorshipPayment;
import org.endow.sponsors.sponsorships.application.ReviewingSponsorship;
import org.endow.sponsors.sponsorships.application.SigningContract;
import org.endow.sponsors.sponsorships.application.ViewingSponsorships;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.Fulfilment;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/**
 * The sponsorship lifecycle against a real PostgreSQL: applications racing for the last unit of a
 * capacity-limited add-on, one open application per organisation, review, the contract signed and
 * countersigned with every version kept, the invoice, the payment and its event with the fee split.
 */
class SponsorshipsIT {

    static ApplicationContext context;
    static Database db;
    static MovableClock clock;

    @BeforeAll
    static void start() {
        db = TestInfra.get().freshDatabase("sponsor_tiers_sponsorships");
        clock = new MovableClock(java.time.Instant.now());
        context = ApplicationContext.builder()
                .singletons(clock)
                .properties(Map.ofEntries(
                        Map.entry("datasources.default.url", db.jdbcUrl()),
                        Map.entry("datasources.default.username", db.username()),
                        Map.entry("datasources.default.password", db.password()),
                        Map.entry("kafka.bootstrap.servers", TestInfra.get().kafkaBootstrapServers()),
                        Map.entry("endow.messaging.service", "sponsor-tiers-sponsorships-it-" + UUID.randomUUID()),
                        Map.entry("endow.messaging.consumer-enabled", false),
                        Map.entry("endow.messaging.relay-enabled", false),
                        Map.entry("endow.mail.relay-enabled", false),
                        Map.entry("endow.sponsors.foundation-name", "Python Software Foundation"),
                        Map.entry("endow.sponsors.iban", "US00 ENDOW 0000 1234 5678"),
                        Map.entry("micronaut.server.port", -1),
                        Map.entry("endow.sponsors.reminders-enabled", false),
                        Map.entry("endow.sponsors.vetting-required", true),
                        Map.entry(
                                "endow.jwt.public-key",
                                TestInfra.get().jwtKeys().publicKeyPem())))
                .start();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    static Organisation organisation(String name) {
        String domain = name.toLowerCase().replaceAll("[^a-z]", "") + ".example";
        return new Organisation(
                name,
                "Makes software",
                "https://" + domain,
                "1 Main Street\nSpringfield",
                List.of(
                        new Organisation.Contact("Pat Primary", "pat@" + domain, Organisation.ContactRole.PRIMARY),
                        new Organisation.Contact(
                                "Alex Accounts", "ap@" + domain, Organisation.ContactRole.ACCOUNTING)));
    }

    @Test
    void eight_sponsors_racing_for_the_last_opening_slide_never_oversell_it() throws Exception {
        ApplyingForSponsorship applying = context.getBean(ApplyingForSponsorship.class);
        List<Callable<String>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Racer " + (char) ('A' + i) + " Inc";
            racers.add(() -> {
                try {
                    applying.apply(
                            "acct-" + name,
                            organisation(name),
                            new Selection(2022, "associate", List.of("pycon-opening-slide")));
                    return "won";
                } catch (ProblemException e) {
                    assertEquals(422, e.status().getCode());
                    assertTrue(e.getMessage().contains("sold out"), e.getMessage());
                    return "sold out";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> f : pool.invokeAll(racers)) {
                outcomes.add(f.get());
            }
        }
        assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
        assertEquals(
                1,
                count(
                        "select coalesce(sum(quantity), 0) from benefit_allocation where benefit_code = 'pycon-opening-slide'"));
        // a conflict and a package-only benefit are refused field by field
        ProblemException notAddOn = assertThrows(
                ProblemException.class,
                () -> applying.apply(
                        "acct-x", organisation("Other Co"), new Selection(2022, "associate", List.of("pycon-booth"))));
        assertEquals("addOns", notAddOn.errors().getFirst().field());
    }

    @Test
    void a_list_of_sponsorships_carries_each_ones_own_contacts_in_their_order() {
        ApplyingForSponsorship applying = context.getBean(ApplyingForSponsorship.class);
        List<String> names = List.of("Listing One Ltd", "Listing Two Ltd", "Listing Three Ltd");
        for (String name : names) {
            applying.apply("acct-" + name, organisation(name), new Selection(2022, "associate", List.of()));
        }

        // the contacts of every listed sponsorship come in one query (JdbcSponsorships.contactsOf)
        List<Sponsorship> listed = context.getBean(ViewingSponsorships.class).all(SponsorshipStatus.APPLIED);
        for (String name : names) {
            Sponsorship s = listed.stream()
                    .filter(l -> l.organisation().name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not listed"));
            assertEquals(organisation(name).contacts(), s.organisation().contacts(), name);
        }
        List<Sponsorship> mine = context.getBean(ViewingSponsorships.class).mine("acct-" + names.get(1));
        assertEquals(1, mine.size());
        assertEquals(
                organisation(names.get(1)).contacts(),
                mine.getFirst().organisation().contacts());
    }

    @Test
    void a_sponsorship_goes_from_application_to_payment_with_every_document_kept() throws Exception {
        ApplyingForSponsorship applying = context.getBean(ApplyingForSponsorship.class);
        ReviewingSponsorship reviewing = context.getBean(ReviewingSponsorship.class);
        SigningContract signing = context.getBean(SigningContract.class);
        ViewingSponsorships viewing = context.getBean(ViewingSponsorships.class);
        Organisation initech = organisation("Initech Ltd");

        Sponsorship s = applying.apply(
                "acct-initech", initech, new Selection(2022, "supporting", List.of("packaging-sponsor")));
        assertEquals(4_000_000, s.fee().minor());
        ProblemException twice = assertThrows(
                ProblemException.class,
                () -> applying.apply(
                        "acct-initech", organisation("INITECH LTD"), new Selection(2022, "associate", List.of())));
        assertEquals(409, twice.status().getCode(), "one open application per organisation");
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> signing.send("staff-1", s.id()))
                        .status()
                        .getCode());

        ProblemException unvetted = assertThrows(
                ProblemException.class,
                () -> reviewing.approve(
                        "staff-1", s.id(), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), null));
        assertEquals(409, unvetted.status().getCode());
        assertTrue(unvetted.getMessage().contains("code-of-conduct vetting"), unvetted.getMessage());
        reviewing.vet("staff-1", s.id(), true, "no reports; events follow a code of conduct");
        reviewing.approve("staff-1", s.id(), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), null);
        signing.send("staff-1", s.id());
        ProblemException staleDraft = assertThrows(
                ProblemException.class,
                () -> signing.sign("acct-initech", s.id(), "Bill Lumbergh", "VP", "0".repeat(64)));
        assertEquals(409, staleDraft.status().getCode());
        String draftSha =
                viewing.versions(s.id(), "acct-initech", false).getFirst().sha256();
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> signing.sign("acct-someone-else", s.id(), "Mallory", "CEO", draftSha))
                        .status()
                        .getCode());
        signing.sign("acct-initech", s.id(), "Bill Lumbergh", "VP Sponsorships", draftSha);

        // staff find a mistake: nullify → revision 2 → sent, signed again, countersigned
        signing.nullify("staff-1", s.id(), "the end date should be 31 January 2028");
        signing.send("staff-1", s.id());
        String draft2 = viewing.versions(s.id(), "acct-initech", false).stream()
                .filter(d -> d.revision() == 2 && d.kind() == ContractDocument.Kind.DRAFT)
                .findFirst()
                .orElseThrow()
                .sha256();
        signing.sign("acct-initech", s.id(), "Bill Lumbergh", "VP Sponsorships", draft2);
        Sponsorship executed = signing.countersign("staff-1", s.id(), "Deb Forbes", "Executive Director");
        assertEquals(SponsorshipStatus.EXECUTED, executed.status());
        assertTrue(executed.invoiceNumber().matches("INV-\\d{4}-0001"), executed.invoiceNumber());
        // each signature tells staff, who countersign next
        String signedSubject = "Initech Ltd signed the sponsorship contract: countersign it";
        assertEquals(
                2,
                count("select count(*) from mail_outbox where recipient = 'sponsors@endow.local'" + " and subject = '"
                        + signedSubject + "'"));
        String signedMail = textQuery("select body from mail_outbox where recipient = 'sponsors@endow.local'"
                + " and subject = '" + signedSubject + "' order by id desc limit 1");
        for (String expected : List.of(
                "Bill Lumbergh (VP Sponsorships) signed revision 2 of the contract for Initech Ltd",
                "on " + HumanTime.minute(executed.sponsorSignature().at()),
                "/sponsors/sponsorships/" + s.id())) {
            assertTrue(signedMail.contains(expected), expected + " not in the mail to staff:\n" + signedMail);
        }

        List<String> kept = viewing.versions(s.id(), null, true).stream()
                .map(d -> d.revision() + ":" + d.kind())
                .toList();
        assertEquals(List.of("1:DRAFT", "1:SIGNED", "2:DRAFT", "2:SIGNED", "2:EXECUTED", "2:INVOICE"), kept);

        byte[] contract = viewing.document(s.id(), 2, "executed", null, true);
        byte[] invoice = viewing.document(s.id(), 2, "invoice", "acct-initech", false);
        String contractText = text(contract);
        for (String expected : List.of(
                "Sponsorship agreement",
                "Initech Ltd",
                "Supporting",
                "Packaging program sponsorship",
                "USD 40,000.00",
                "Bill Lumbergh, VP Sponsorships",
                "Deb Forbes, Executive Director",
                draft2)) {
            assertTrue(contractText.contains(expected), expected + " not in the contract:\n" + contractText);
        }
        String invoiceText = text(invoice);
        for (String expected :
                List.of("INVOICE", executed.invoiceNumber(), "Initech Ltd", "USD 40,000.00", "US00 ENDOW")) {
            assertTrue(invoiceText.contains(expected), expected + " not in the invoice:\n" + invoiceText);
        }
        Files.write(Path.of("target/contract-sample.pdf"), contract);
        Files.write(Path.of("target/invoice-sample.pdf"), invoice);
        assertEquals(
                2, count("select count(*) from mail_outbox where subject like 'Your sponsorship contract is ready%'"));
        assertEquals(
                1,
                count(
                        "select count(*) from mail_outbox where subject like 'Invoice INV-%' and recipient = 'ap@initechltd.example'"));

        // an overdue invoice is reminded to the accounting contact, once a week
        var reminding = context.getBean(org.endow.sponsors.sponsorships.application.RemindingSponsors.class);
        clock.set(executed.invoiceDue()
                .plusDays(3)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
        assertTrue(reminding.remind() >= 1);
        assertEquals(0, reminding.remind(), "once a week");
        assertEquals(
                1,
                count("select count(*) from mail_outbox where recipient = 'ap@initechltd.example'"
                        + " and subject like 'Reminder: invoice%overdue'"));

        context.getBean(RecordingSponsorshipPayment.class).paid("staff-1", s.id(), "BACS 4711");
        assertEquals(
                409,
                assertThrows(
                                ProblemException.class,
                                () -> context.getBean(RecordingSponsorshipPayment.class)
                                        .paid("staff-1", s.id(), "again"))
                        .status()
                        .getCode());
        String payload =
                textQuery("select envelope::text from outbox_message where event_type = 'sponsorships.SponsorshipPaid'"
                        + " and message_key = '" + s.id() + "'");
        try (ObjectMapper.CloseableObjectMapper json = ObjectMapper.create(Map.of(), "org.endow.events")) {
            JsonNode written = json.readValue(payload, JsonNode.class).get("payload");
            JsonNode sample = json.readValue(EventSamples.read(SponsorshipEvents.SPONSORSHIP_PAID), JsonNode.class)
                    .get("payload");
            assertEquals(keys(sample), keys(written), "the producer writes the sample's fields");
            long sum = 0;
            Set<String> programs = new HashSet<>();
            for (JsonNode share : written.get("split").values()) {
                sum += share.get("amountMinor").getLongValue();
                programs.add(share.get("programCode").getStringValue());
            }
            assertEquals(4_000_000, sum, "the split adds up to the fee");
            assertEquals(Set.of("foundation", "pycon-us", "packaging"), programs);
        }
        // near the end, a renewal offer that pre-fills next year's application
        clock.set(executed.endDate()
                .minusDays(10)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
        assertTrue(reminding.remind() >= 1);
        assertEquals(0, reminding.remind());
        assertTrue(textQuery("select body from mail_outbox where subject like 'Renew your sponsorship%'"
                        + " and recipient = 'pat@initechltd.example'")
                .contains("/sponsors/apply?renew=" + s.id()));
        clock.set(java.time.Instant.now());

        // staff filter by benefit
        assertTrue(viewing.all(null, "packaging-sponsor").stream().anyMatch(x -> x.id().equals(s.id())));
        assertTrue(viewing.all(null, "pycon-opening-slide").stream().noneMatch(x -> x.id().equals(s.id())));

        // vetted, approved, sent, signed, nullified, sent, signed, countersigned, paid
        assertEquals(9, count("select count(*) from audit_log where target = 'sponsorship:" + s.id() + "'"));
    }

    @Test
    void benefits_ask_for_their_assets_staff_see_what_is_missing_and_sponsors_are_reminded_weekly() throws Exception {
        ApplyingForSponsorship applying = context.getBean(ApplyingForSponsorship.class);
        ReviewingSponsorship reviewing = context.getBean(ReviewingSponsorship.class);
        FulfillingBenefits fulfilling = context.getBean(FulfillingBenefits.class);
        ViewingSponsorships viewing = context.getBean(ViewingSponsorships.class);
        Sponsorship s = applying.apply(
                "acct-globex",
                organisation("Globex Corp"),
                new Selection(2022, "associate", List.of("pycon-job-listing")));
        reviewing.vet("staff-1", s.id(), true, "");
        reviewing.approve("staff-1", s.id(), LocalDate.parse("2027-03-01"), LocalDate.parse("2028-02-28"), null);

        List<Fulfilment.Item> items = fulfilling.items(s.id(), "acct-globex", false);
        assertEquals(
                List.of("psf-sponsors-page-logo/logo@2027-02-15", "pycon-job-listing/jobs-page@2027-03-31"),
                items.stream()
                        .map(i -> i.benefitCode() + "/" + i.requirement().code() + "@" + i.due())
                        .toList());
        ProblemException badLink = assertThrows(
                ProblemException.class,
                () -> fulfilling.submit(
                        "acct-globex", s.id(), "pycon-job-listing", "jobs-page", "javascript:alert(1)"));
        assertEquals(422, badLink.status().getCode());
        assertEquals("value", badLink.errors().getFirst().field());
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> fulfilling.submit(
                                        "acct-mallory", s.id(), "pycon-job-listing", "jobs-page", "https://x.example"))
                        .status()
                        .getCode(),
                "another sponsor's sponsorship is not found");
        assertEquals(
                404,
                assertThrows(
                                ProblemException.class,
                                () -> fulfilling.submit(
                                        "acct-globex", s.id(), "pycon-booth", "booth-staff", "Pat and Alex"))
                        .status()
                        .getCode(),
                "a benefit not bought asks for nothing");
        Fulfilment.Item link = fulfilling.submit(
                "acct-globex", s.id(), "pycon-job-listing", "jobs-page", " https://globex.example/careers ");
        assertEquals(Fulfilment.State.SUBMITTED, link.state());
        assertEquals("https://globex.example/careers", link.value());

        // staff see, per benefit, who still owes what
        assertTrue(fulfilling.outstanding("psf-sponsors-page-logo").stream()
                .anyMatch(o -> o.sponsorship().id().equals(s.id())));
        assertTrue(fulfilling.outstanding("pycon-job-listing").stream()
                .noneMatch(o -> o.sponsorship().id().equals(s.id())));

        var reminding = context.getBean(org.endow.sponsors.sponsorships.application.RemindingSponsors.class);
        try {
            // five days before the logo is due: one reminder that week, another the next week
            clock.set(java.time.Instant.parse("2027-02-10T09:00:00Z"));
            reminding.remind();
            reminding.remind();
            String subject = "select count(*) from mail_outbox where recipient = 'pat@globexcorp.example'"
                    + " and subject = 'Your sponsorship needs 1 item from you'";
            assertEquals(1, count(subject));
            assertTrue(textQuery("select body from mail_outbox where recipient = 'pat@globexcorp.example'"
                            + " and subject like 'Your sponsorship needs%'")
                    .contains("Logo for the sponsors page"));
            clock.set(java.time.Instant.parse("2027-02-17T09:00:00Z"));
            reminding.remind();
            assertEquals(2, count(subject));

            // staff may let an approved sponsor onto the wall before the contract is executed
            clock.set(java.time.Instant.parse("2027-03-10T09:00:00Z"));
            assertTrue(viewing.wall().stream().noneMatch(w -> w.id().equals(s.id())));
            reviewing.showOnWallEarly("staff-1", s.id(), true);
            assertTrue(viewing.wall().stream().anyMatch(w -> w.id().equals(s.id())));
        } finally {
            clock.set(java.time.Instant.now());
        }
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'sponsorship.wall-early-allowed'"
                        + " and target = 'sponsorship:" + s.id() + "'"));

        // a failed vetting rejects the application, frees what it held and tells the sponsor why
        Sponsorship hooli =
                applying.apply("acct-hooli", organisation("Hooli Inc"), new Selection(2022, "associate", List.of()));
        Sponsorship rejected = reviewing.vet("staff-1", hooli.id(), false, "conduct reports we could not resolve");
        assertEquals(SponsorshipStatus.REJECTED, rejected.status());
        assertEquals(0, count("select count(*) from benefit_allocation where sponsorship_id = '" + hooli.id() + "'"));
        assertTrue(textQuery("select body from mail_outbox where recipient = 'pat@hooliinc.example'"
                        + " and subject = 'Your sponsorship application'")
                .contains("conduct reports we could not resolve"));
    }

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.entries().iterator();
        fields.forEachRemaining(e -> keys.add(e.getKey()));
        return keys;
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        return text.toString().replace("\n", " ");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                var statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String textQuery(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                var statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
