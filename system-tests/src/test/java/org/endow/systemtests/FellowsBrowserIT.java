package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The Fellow honour in headless Chromium through the gateway, the fellow-nominations service's clock
 * moved by the test (never slept on): two members nominate the same person under two addresses, staff
 * merge them, the work group asks for references and a nominator supplies them by the emailed link,
 * members vote (one declares a conflict, one does not vote), the vote closes at the window's end, the nominee accepts by
 * the emailed link and appears on the public roster. Another nominee fails, is carried over, and
 * expires a year later; its nominator sees it in their list.
 */
class FellowsBrowserIT {

    static EndowStack stack;
    static GreenMail mail;
    static ChromeDriver driver;
    static Page page;
    static WebDriverWait wait;
    static String portal;
    static Path screenshots;
    static Http http;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "fellows-browser",
                List.of("fellow-nominations"),
                Map.of(
                        "fellow-nominations",
                        Map.of(
                                "ENDOW_CLOCK_SHIFTABLE", "true",
                                "ENDOW_FELLOWS_DEADLINE_CHECK", "500ms",
                                "ENDOW_FELLOWS_PORTAL_URL", "http://localhost",
                                "ENDOW_MAIL_SMTP_HOST", "127.0.0.1",
                                "ENDOW_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                                "ENDOW_MAIL_RELAY_INTERVAL", "200ms")));
        portal = stack.gatewayUrl().replace("127.0.0.1", "localhost");
        http = new Http(stack.gatewayUrl());
        admin = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
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

    static void clock(String instant) {
        Http.Response set = http.send("PUT", "/api/fellows/operations/clock", "{\"now\":\"" + instant + "\"}", admin);
        assertEquals(200, set.status(), set.body());
    }

    @Test
    void a_nominee_is_merged_verified_voted_elected_accepts_and_another_expires() throws Exception {
        clock("2026-11-02T10:00:00Z");
        Person alice = Person.signUp(http, "Alice Nominator");
        Person bob = Person.signUp(http, "Bob Nominator");
        Person dave = Person.signUp(http, "Dave Nominator");
        List<Person> members = List.of(
                Person.signUp(http, "Wanda Member"),
                Person.signUp(http, "Walt Member"),
                Person.signUp(http, "Wes Member"),
                Person.signUp(http, "Wren Member"));
        for (Person member : members) {
            assertEquals(
                    200,
                    http.send("PUT", "/api/accounts/" + member.id + "/roles", "{\"roles\":[\"FELLOWS_WG\"]}", admin)
                            .status());
            Http.Response saved = http.send(
                    "PUT",
                    "/api/fellows/members/" + member.id,
                    "{\"name\":\"%s\",\"email\":\"%s\",\"veto\":false}".formatted(member.name, member.email),
                    admin);
            assertEquals(200, saved.status(), saved.body());
        }

        // two members nominate the same person, under two addresses
        signIn(alice, "/fellows/nominate");
        nominate("Grace Hopper", "grace@example.org");
        assertTrue(text("[data-testid=my-nominations]").contains("Grace Hopper"));
        screenshot("fellows-mine");
        signIn(bob, "/fellows/nominate");
        nominate("Grace B. Hopper", "grace@navy.example");

        // staff see two nominees and merge them
        signIn(new Person(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "Admin", null), "/fellows/review");
        WebElement second = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("article[data-nominee='Grace B. Hopper']")));
        second.findElement(By.cssSelector("button[data-action=merge]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertEquals(
                1, driver.findElements(By.cssSelector("article[data-nominee]")).size());

        // a member asks for references; Alice adds three through the emailed link
        signIn(members.get(0), "/fellows/review");
        article("Grace Hopper")
                .findElement(By.cssSelector("button[data-action=references]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));
        String link = awaitLink(alice.email, "Please add three references", "/fellows/references/");
        driver.manage().deleteAllCookies();
        driver.get(portal + link);
        for (int i = 1; i <= 3; i++) {
            fill("name" + i, "Reference " + i);
            fill("email" + i, "ref" + i + "@example.org");
            fill("relation" + i, "co-maintainer");
        }
        screenshot("fellows-references");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));

        // the window opens; two vote yes, one declares a conflict; the second vote of a member replaces the first
        clock("2026-11-25T10:00:00Z");
        vote(members.get(0), "NO");
        String replaced = vote(members.get(0), "YES");
        assertTrue(replaced.contains("replaced"), replaced);
        vote(members.get(1), "YES");
        vote(members.get(2), "CONFLICT");
        screenshot("fellows-review");
        // the window closes before the fourth member votes; the tally decides: 2 yes of 2 cast, the conflict not
        // counted
        clock("2026-12-21T09:00:00Z");
        String accept = awaitLink("grace@example.org", "You have been elected a Fellow", "/fellows/accept/");
        driver.manage().deleteAllCookies();
        driver.get(portal + accept);
        fill("displayName", "Grace B. Hopper");
        screenshot("fellows-accept");
        driver.findElement(By.id("accept")).click();
        WebElement roster =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=roster]")));
        assertTrue(
                roster.getText().contains("Grace B. Hopper") && roster.getText().contains("Q4 2026"), roster.getText());
        screenshot("fellows-roster");
        // staff read the quarter's announcement draft and download its minutes
        signIn(
                new Person(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "Admin", null),
                "/fellows/cycles/2026-Q4/announcement");
        assertTrue(text("[data-testid=announcement]").contains("Grace B. Hopper"));
        Http.Response minutes = http.getAny("/api/fellows/cycles/2026-Q4/minutes.pdf", admin);
        assertTrue(minutes.body().startsWith("%PDF"));

        // another nominee fails, is carried over, and expires a year after the first nomination
        clock("2027-01-10T10:00:00Z");
        signIn(dave, "/fellows/nominate");
        nominate("Linus Example", "linus@example.org");
        signIn(members.get(2), "/fellows/review");
        article("Linus Example")
                .findElement(By.cssSelector("button[data-action=verify]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));
        clock("2027-02-25T10:00:00Z");
        for (Person member : members) {
            vote(member, "NO");
        }
        awaitNomination(dave, "VERIFIED", "2027-Q2");
        for (String day : List.of("2027-06-21", "2027-09-21", "2027-12-21")) {
            clock(day + "T09:00:00Z");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                String body =
                        http.get("/api/fellows/nominations/mine", dave.token).body();
                // carried to the next quarter, or expired at the last one
                return !body.contains("\"" + day.substring(0, 4) + "-Q" + quarterBefore(day) + "\"")
                        || body.contains("\"EXPIRED\"");
            });
        }
        awaitNomination(dave, "EXPIRED", null);
        signIn(dave, "/fellows");
        assertTrue(text("[data-testid=my-nominations]").contains("expired"), text("[data-testid=my-nominations]"));
        screenshot("fellows-expired");
        awaitLink(dave.email, "Your Fellow nomination of Linus Example: expired", null);
    }

    private static int quarterBefore(String day) {
        return switch (day.substring(5, 7)) {
            case "06" -> 2;
            case "09" -> 3;
            default -> 4;
        };
    }

    private static void awaitNomination(Person nominator, String status, String cycle) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            String body =
                    http.get("/api/fellows/nominations/mine", nominator.token).body();
            return body.contains("\"nomineeStatus\":\"" + status + "\"")
                    && (cycle == null || body.contains("\"cycle\":\"" + cycle + "\""));
        });
    }

    private static String vote(Person member, String choice) {
        signIn(member, "/fellows/review");
        WebElement article = article("Grace Hopper".equals(currentNominee()) ? "Grace Hopper" : currentNominee());
        article.findElement(By.cssSelector("input[name=choice][value=" + choice + "]"))
                .click();
        article.findElement(By.cssSelector("button[data-action=vote]")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")))
                .getText();
    }

    private static String currentNominee() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article[data-nominee]")))
                .getAttribute("data-nominee");
    }

    private static WebElement article(String name) {
        return wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article[data-nominee='" + name + "']")));
    }

    private static void nominate(String name, String email) {
        fill("nomineeName", name);
        fill("nomineeEmail", email);
        fill("links", "https://github.com/" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        fill(
                "statement",
                "Wrote the first compiler and taught a generation of programmers; tireless mentor of newcomers.");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));
    }

    /** The link in the latest mail to {@code to} whose subject starts with {@code subject}. */
    private static String awaitLink(String to, String subject, String path) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> matches(m, to, subject)));
        MimeMessage message = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> matches(m, to, subject))
                .reduce((a, b) -> b)
                .orElseThrow();
        if (path == null) {
            return "";
        }
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        Matcher link =
                Pattern.compile(Pattern.quote(path) + "[A-Za-z0-9_-]{43}").matcher(body);
        assertTrue(link.find(), body);
        return link.group();
    }

    private static boolean matches(MimeMessage m, String to, String subject) {
        try {
            return m.getAllRecipients()[0].toString().equalsIgnoreCase(to)
                    && m.getSubject().startsWith(subject);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static void signIn(Person person, String next) {
        page.signIn(person.email, person.password, next);
    }

    private static String text(String css) {
        return page.text(css);
    }

    private static void fill(String id, String value) {
        page.fill(id, value);
    }

    private static void screenshot(String name) throws Exception {
        page.screenshot(name);
    }
}
