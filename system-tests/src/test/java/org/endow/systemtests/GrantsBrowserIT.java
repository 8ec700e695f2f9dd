package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sprint travel grant from application to payment, in headless Chromium through the gateway, with the
 * grant-proposals, funds and donations services and Kafka between them: the applicant submits, the chair
 * asks for more, the applicant completes, the working group votes and it passes under the 30 % rule
 * (one aye of three voting members: the majority says nay), the funds service reserves the money, staff
 * approve, the applicant accepts the award letter, reports on the first milestone, and the payments show
 * on the public transparency page.
 */
class GrantsBrowserIT {

    static final String FUND = "core-sprint-2027";

    static EndowStack stack;
    static ChromeDriver driver;
    static Page page;
    static WebDriverWait wait;
    static String portal;
    static Path screenshots;
    static Http http;
    static com.icegreen.greenmail.util.GreenMail mail;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(
                smtpPort, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        mail.start();
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "grants-browser",
                List.of("grant-proposals"),
                Map.of(
                        "grant-proposals",
                        Map.of(
                                "ENDOW_GRANTS_PORTAL_URL", "http://localhost",
                                "ENDOW_GRANTS_STAFF_EMAIL", "grants@endow.test",
                                "ENDOW_MAIL_SMTP_HOST", "127.0.0.1",
                                "ENDOW_MAIL_SMTP_PORT", Integer.toString(smtpPort))));
        portal = stack.gatewayUrl().replace("127.0.0.1", "localhost");
        http = new Http(stack.gatewayUrl());
        Donor.awaitItemsKnown(http, FUND);
        screenshots = Browser.screenshots();
        driver = Browser.chromium();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        page = new Page(driver, portal, screenshots);
    }

    @AfterAll
    static void stop() {
        try {
            Browser.close(driver, stack);
        } finally {
            if (mail != null) {
                mail.stop();
            }
        }
    }

    @Test
    void a_sprint_travel_grant_goes_from_application_to_payment() throws Exception {
        String admin = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        // money for the sprint: a gift received by the foundation
        Donor donor = Donor.signUp(http, "Grace Donor");
        Http.Response pledge = donor.pledge(500_000, FUND);
        assertEquals(201, pledge.status(), pledge.body());
        assertEquals(
                200,
                http.postJson("/api/donations/pledges/" + pledge.field("id") + "/received", "{}", admin)
                        .status());
        long raised = 500_000 + 0;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Donor.raised(http, FUND) >= raised);

        Person applicant = Person.signUp(http, "Ada Applicant");
        Person chair = Person.signUp(http, "Carla Chair");
        Person nay1 = Person.signUp(http, "Nadia Member");
        Person nay2 = Person.signUp(http, "Nils Member");
        Person abstainer = Person.signUp(http, "Abe Member");
        for (Person member : List.of(chair, nay1, nay2, abstainer)) {
            assertEquals(
                    200,
                    http.send("PUT", "/api/accounts/" + member.id + "/roles", "{\"roles\":[\"GRANTS_WG\"]}", admin)
                            .status());
            Http.Response saved = http.send(
                    "PUT",
                    "/api/grants/members/" + member.id,
                    "{\"name\":\"%s\",\"email\":\"%s\",\"chair\":%s}"
                            .formatted(member.name, member.email, member == chair),
                    admin);
            assertEquals(200, saved.status(), saved.body());
            member.refreshToken(http);
        }

        // the applicant drafts and submits a sprint travel grant
        signIn(applicant, "/grants/new");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("categoryCode"))).selectByValue("sprint");
        fill("organisation", "PyLadies Berlin");
        fill("title", "Berlin CPython sprint travel");
        fill("description", "Travel for twelve new contributors to a three-day CPython sprint.");
        fillDate("startDate", "2027-05-10");
        fillDate("endDate", "2027-05-12");
        fill("attendees", "40");
        fill("amount", "2,400");
        fill("budget", "Travel: 2000\nAccommodation: 400");
        fill("milestones", "Venue and first travel; 1200; 2027-05-01\nRemaining travel; 1200; 2027-05-12");
        click(By.id("save"));
        assertEquals("DRAFT", state());
        String proposalUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
        String id = proposalUrl.substring(proposalUrl.lastIndexOf('/') + 1);
        // the sprint category requires a budget, as a PDF: a text file is refused, a PDF is taken
        click(By.id("submit"));
        assertTrue(text("[data-testid=error]").contains("attach the budget (PDF)"), text("[data-testid=error]"));
        Path notPdf = Files.writeString(screenshots.resolve("budget.txt"), "Travel 2000, accommodation 400");
        driver.findElement(By.id("attachment-file")).sendKeys(notPdf.toString());
        click(By.id("attach"));
        assertTrue(text("[data-testid=error]").contains("only PDF"), text("[data-testid=error]"));
        Path budget = Files.write(
                screenshots.resolve("budget.pdf"),
                "%PDF-1.4\n% Berlin sprint budget\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        driver.findElement(By.id("attachment-file")).sendKeys(budget.toString());
        click(By.id("attach"));
        assertTrue(text("[data-testid=attachments]").contains("budget.pdf"));
        click(By.id("submit"));
        assertEquals("SUBMITTED", state());
        screenshot("grants-1-submitted");

        // through the API: someone else's proposal does not exist for them, only members vote, the policy decides
        assertEquals(404, http.get("/api/grants/proposals/" + id, donor.token).status());
        Http.Response notAMember =
                http.postJson("/api/grants/review/proposals/" + id + "/votes", "{\"choice\":\"AYE\"}", donor.token);
        assertEquals(403, notAMember.status(), notAMember.body());
        Http.Response overCap = http.postJson(
                "/api/grants/proposals",
                "{\"categoryCode\":\"sprint\",\"organisation\":\"Big Org\",\"title\":\"Too much\","
                        + "\"description\":\"A large sprint\",\"startDate\":\"2027-06-01\",\"endDate\":\"2027-06-02\","
                        + "\"amountMinor\":900000,\"currency\":\"USD\"}",
                donor.token);
        assertEquals(201, overCap.status(), overCap.body());
        Http.Response refused =
                http.postJson("/api/grants/proposals/" + overCap.field("id") + "/submission", "{}", donor.token);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.isProblem());
        assertEquals(
                "amountMinor", refused.json().get("errors").get(0).get("field").asText(), refused.body());

        // the chair asks for more information
        signIn(chair, "/grants/review");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=queue] tr[data-id='" + id + "']")));
        screenshot("grants-2-queue");
        driver.get(proposalUrl);
        fill("more-information", "Which venue? Please name it and link its code of conduct.");
        click(By.id("ask-more"));
        assertEquals("MORE INFO REQUESTED", state());

        // the applicant completes the proposal and submits it again
        signIn(applicant, "/grants/proposals/" + id);
        click(By.id("edit"));
        fill("description", "Travel for twelve new contributors to a three-day CPython sprint at the c-base venue.");
        fill("codeOfConductUrl", "https://berlin.pyladies.com/coc");
        click(By.id("save"));
        assertEquals("MORE INFO REQUESTED", state());
        click(By.id("submit"));
        assertEquals("SUBMITTED", state());

        // the chair finds it complete, comments, opens the vote and votes aye
        signIn(chair, "/grants/proposals/" + id);
        click(By.id("complete"));
        assertEquals("DISCUSSION", state());
        fill("comment", "A repeat of a good sprint; the venue is confirmed.");
        click(By.id("add-comment"));
        click(By.id("open-vote"));
        assertEquals("VOTING", state());
        click(By.id("vote-aye"));
        assertEquals("VOTING", state());

        // two members vote nay through the API, the last one abstains in the portal
        for (Person member : List.of(nay1, nay2)) {
            Http.Response voted = http.postJson(
                    "/api/grants/review/proposals/" + id + "/votes", "{\"choice\":\"NAY\"}", member.token);
            assertEquals(200, voted.status(), voted.body());
        }
        signIn(abstainer, "/grants/review");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=pending-votes] a[href='/grants/proposals/" + id + "']")));
        driver.get(proposalUrl);
        screenshot("grants-3-voting");
        click(By.id("vote-abstain"));
        String decided = state();
        assertTrue(decided.equals("FUNDS REQUESTED") || decided.equals("FUNDS RESERVED"), decided);
        String decision = text("[data-testid=decision]");
        assertTrue(decision.contains("1 yes, 2 no, 1 abstaining") && decision.contains("passed"), decision);

        // the funds service reserves the money; staff approve
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> "FUNDS_RESERVED"
                        .equals(http.get("/api/grants/proposals/" + id, admin).field("state")));
        assertEquals(
                240_000,
                Long.parseLong(http.get("/api/funds/items/" + FUND, null).field("reservedMinor")));
        signIn(new Person(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "Admin", null), "/grants/proposals/" + id);
        assertEquals("FUNDS RESERVED", state());
        screenshot("grants-4-funds-reserved");
        click(By.id("approve"));
        assertEquals("AWARDED", state());

        // the applicant reads the award letter and accepts it
        signIn(applicant, "/grants/proposals/" + id);
        assertTrue(driver.findElement(By.id("award-letter")).isDisplayed());
        HttpResponse<byte[]> letter = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        stack.gatewayUrl() + "/api/grants/proposals/" + id + "/award-letter"))
                                .header("Authorization", "Bearer " + applicant.token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, letter.statusCode());
        assertEquals("%PDF", new String(letter.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(screenshots.resolve("grants-award-letter.pdf"), letter.body());
        click(By.id("accept-award"));
        assertEquals("ACTIVE", state());

        // staff pay milestone 1; the second waits for the report on the first
        signIn(new Person(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "Admin", null), "/grants/proposals/" + id);
        click(By.id("disburse-1"));
        assertEquals("DISBURSED", text("tr[data-milestone='1'] td[data-field=payment]"));
        click(By.id("disburse-2"));
        assertTrue(text("[data-testid=error]").contains("report on milestone 1"), text("[data-testid=error]"));

        signIn(applicant, "/grants/proposals/" + id);
        fill("report-1", "Venue booked at c-base; six travellers booked. Receipts attached to the budget.");
        click(By.cssSelector("tr[data-milestone='1'] button"));
        assertEquals(
                "SUBMITTED",
                text("tr[data-milestone='1'] td[data-field=report]").substring(0, 9));
        screenshot("grants-5-report");

        signIn(new Person(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "Admin", null), "/grants/proposals/" + id);
        click(By.id("accept-report-1"));
        click(By.id("disburse-2"));
        assertEquals("DISBURSED", text("tr[data-milestone='2'] td[data-field=payment]"));
        screenshot("grants-6-paid");

        // the ledger has both payments: the public transparency page shows them
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Long.parseLong(
                                http.get("/api/funds/items/" + FUND, null).field("disbursedMinor"))
                        == 240_000);
        assertEquals(
                0, Long.parseLong(http.get("/api/funds/items/" + FUND, null).field("reservedMinor")));
        driver.get(portal + "/transparency");
        WebElement paid = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-code='" + FUND + "'] td[data-field=disbursed]")));
        assertEquals("2,400.00 USD", paid.getText());
        screenshot("grants-7-transparency");

        driver.get(portal + "/grants/staff");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=totals] tbody tr")));
        screenshot("grants-8-staff");

        // staff exports: the CSV lists the grant, the audit log has every decision
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(stack.gatewayUrl() + "/api/grants/staff/proposals.csv?state=ACTIVE"))
                                .header("Accept", "text/csv")
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(
                csv.body().lines().anyMatch(l -> l.startsWith(id + ",ACTIVE,\"sprint\",\"PyLadies Berlin\"")),
                csv.body());
        // everyone who waited on a step heard of it by mail: the chair, the applicant (the letter attached), staff
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> subjects(applicant.email).stream().anyMatch(s -> s.endsWith("milestone 2 paid")));
        assertTrue(
                subjects(chair.email).stream().anyMatch(s -> s.endsWith(": submitted")),
                subjects(chair.email).toString());
        assertTrue(subjects(chair.email).stream().anyMatch(s -> s.endsWith(": resubmitted")));
        assertTrue(subjects(nay1.email).stream().anyMatch(s -> s.endsWith(": please vote")));
        assertTrue(subjects(applicant.email).stream().anyMatch(s -> s.endsWith(": more information needed")));
        assertTrue(subjects("grants@endow.test").stream().anyMatch(s -> s.endsWith(": funds reserved")));
        jakarta.mail.internet.MimeMessage awarded = messages(applicant.email).stream()
                .filter(m -> subject(m).endsWith(": awarded"))
                .findFirst()
                .orElseThrow();
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) awarded.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(
                parts.getBodyPart(1).getContentType().startsWith("application/pdf"),
                parts.getBodyPart(1).getContentType());

        String audit = http.get("/api/grants/staff/audit", admin).body();
        for (String action : List.of("asked for more information", "vote opened", "grant approved", "milestone paid")) {
            assertTrue(audit.contains("\"" + action + "\""), action + " in " + audit);
        }
    }

    private static List<jakarta.mail.internet.MimeMessage> messages(String to) {
        return java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(to);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static List<String> subjects(String to) {
        return messages(to).stream().map(GrantsBrowserIT::subject).toList();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signIn(Person person, String next) {
        page.signIn(person.email, person.password, next);
    }

    private static void click(By by) {
        page.click(by);
    }

    private static String state() {
        return text("[data-testid=state]");
    }

    private static String text(String css) {
        return page.text(css);
    }

    private static void fill(String id, String value) {
        page.fill(id, value);
    }

    private static void fillDate(String id, String isoDate) {
        page.fillDate(id, isoDate);
    }

    private static void screenshot(String name) throws Exception {
        page.screenshot(name);
    }
}
