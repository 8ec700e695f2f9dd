package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.model.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal as a person uses it, in headless Chromium, through the real gateway and services:
 * sign up (with a mistake first), see your name, sign out, sign in (with a mistake first).
 */
class PortalBrowserIT {

    static EndowStack stack;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static String portal;
    static Path screenshots;

    /** The gateway's mail (password reset links). */
    static GreenMail mail;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        int gatewayPort;
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            smtpPort = a.getLocalPort();
            gatewayPort = b.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "portal-browser",
                List.of(),
                Map.of(
                        "gateway",
                        Map.of(
                                "MICRONAUT_SERVER_PORT",
                                Integer.toString(gatewayPort),
                                "ENDOW_MAIL_SMTP_HOST",
                                "127.0.0.1",
                                "ENDOW_MAIL_SMTP_PORT",
                                Integer.toString(smtpPort),
                                "ENDOW_ACCOUNTS_PORTAL_URL",
                                "http://localhost:" + gatewayPort)));
        // localhost, not 127.0.0.1: Chromium treats it as a secure context and keeps Secure cookies
        portal = stack.gatewayUrl().replace("127.0.0.1", "localhost");
        Donor.awaitItemsKnown(new Http(stack.gatewayUrl()), "packaging");

        screenshots = Browser.screenshots();
        driver = Browser.chromium();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Every test starts signed out, whatever the one before it did. */
    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        driver.get(portal + "/static/endow.css");
        driver.manage().deleteAllCookies();
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
    void a_person_who_forgot_their_password_sets_a_new_one_with_the_link_mailed_to_them() throws Exception {
        String email = Donor.signUp(new Http(stack.gatewayUrl()), "Hedy Lamarr").email;

        driver.get(portal + "/signin");
        driver.findElement(By.id("forgot-password")).click();
        wait.until(ExpectedConditions.urlContains("/password/forgot"));
        fill("email", email);
        submit();
        WebElement sent =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reset-sent]")));
        assertTrue(sent.getText().contains(email), sent.getText());
        screenshot("password-forgot-sent");

        String link = awaitLink(email);
        assertTrue(link.startsWith(portal + "/password/reset?token="), link);
        driver.get(link);
        fill("password", "too short");
        submit();
        WebElement weak =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#password + .field-error")));
        assertTrue(weak.getText().contains("at least 12 characters"), weak.getText());
        screenshot("password-reset-error");
        fill("password", "a new passphrase to keep this time");
        submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=password-was-reset]")));
        screenshot("password-reset-done");

        fill("email", email);
        fill("password", "a new passphrase to keep this time");
        submit();
        assertEquals("Hedy Lamarr", userName());

        driver.get(link);
        fill("password", "yet another passphrase entirely");
        submit();
        WebElement gone =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reset-gone]")));
        assertTrue(gone.getText().contains("expired or was used already"), gone.getText());
    }

    private static String awaitLink(String to) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    String body =
                            GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
                    Matcher link = Pattern.compile("http://localhost:\\d+/password/reset\\?token=[A-Za-z0-9_-]+")
                            .matcher(body);
                    assertTrue(link.find(), body);
                    return link.group();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no password reset mail to " + to + " within 30 s");
    }

    @Test
    void a_person_signs_up_sees_their_name_signs_out_and_signs_in_again() throws Exception {
        String email = "grace+" + UUID.randomUUID() + "@example.org";
        String password = "a long and memorable passphrase";

        driver.get(portal + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.item[data-code=packaging]")));
        screenshot("home-anonymous");

        driver.findElement(By.linkText("Create an account")).click();
        wait.until(ExpectedConditions.urlContains("/signup"));
        fill("displayName", "Grace Hopper");
        fill("email", email);
        fill("password", "short");
        submit();
        WebElement passwordError =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#password + .field-error")));
        assertTrue(passwordError.getText().contains("at least 12 characters"), passwordError.getText());
        assertEquals("Grace Hopper", driver.findElement(By.id("displayName")).getAttribute("value"));
        assertEquals(email, driver.findElement(By.id("email")).getAttribute("value"));
        screenshot("signup-error");

        fill("password", password);
        submit();
        assertEquals("Grace Hopper", userName());
        screenshot("home-signed-in");

        Cookie session = driver.manage().getCookieNamed("endow_session");
        assertTrue(session.isHttpOnly(), "session cookie must be HttpOnly");
        assertTrue(session.isSecure(), "session cookie must be Secure");
        assertEquals("Lax", session.getSameSite());

        driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
        // the session ended at the gateway, not only in this browser: its cookie put back signs no one in
        driver.manage().addCookie(session);
        driver.get(portal + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
        assertEquals(List.of(), driver.findElements(By.cssSelector("[data-testid=user-name]")));
        driver.findElement(By.linkText("Sign in")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
        fill("email", email);
        fill("password", "not my passphrase at all");
        submit();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
        assertEquals(
                "Wrong email or password. After 5 wrong passwords in a row an account is locked for 15 minutes.",
                error.getText());
        screenshot("signin-error");

        fill("password", password);
        submit();
        assertEquals("Grace Hopper", userName());
    }

    @Test
    void a_person_sets_up_two_factor_sign_in_and_then_signs_in_with_a_code() throws Exception {
        String email = "katherine+" + UUID.randomUUID() + "@example.org";
        String password = "orbital mechanics by hand";
        driver.manage().deleteAllCookies();
        driver.get(portal + "/signup");
        fill("displayName", "Katherine Johnson");
        fill("email", email);
        fill("password", password);
        submit();
        assertEquals("Katherine Johnson", userName());

        driver.findElement(By.cssSelector("[data-testid=user-name]")).click();
        wait.until(ExpectedConditions.urlContains("/account/security"));
        submit();
        String secret = wait.until(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=mfa-secret]")))
                .getText();
        screenshot("mfa-enrolment");
        byte[] key = Totp.fromBase32(secret);
        long step = Totp.step(java.time.Instant.now());
        fill("code", "000000".equals(Totp.code(key, step)) ? "111111" : "000000");
        submit();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")))
                .getText()
                .contains("wrong"));
        // a wrong code ends the attempt: start again with a new key
        submit();
        secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=mfa-secret]")))
                .getText();
        key = Totp.fromBase32(secret);
        fill("code", Totp.code(key, step));
        submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=mfa-done]")));

        driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")))
                .click();
        fill("email", email);
        fill("password", password);
        submit();
        WebElement askCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        assertTrue(driver.findElement(By.cssSelector(".error")).getText().contains("6-digit code"));
        screenshot("signin-code");
        fill("password", password);
        askCode.sendKeys(Totp.code(key, step + 1)); // the confirming code is used up
        submit();
        assertEquals("Katherine Johnson", userName());
    }

    @Test
    void a_donor_gives_through_the_donate_page_and_the_ledger_shows_the_pledge() throws Exception {
        Http http = new Http(stack.gatewayUrl());
        String email = "kj+" + UUID.randomUUID() + "@example.org";
        String password = "orbital mechanics by hand";
        assertEquals(
                201,
                http.postJson(
                                "/api/auth/signup",
                                "{\"email\":\"%s\",\"displayName\":\"Katherine\",\"password\":\"%s\"}"
                                        .formatted(email, password),
                                null)
                        .status());
        long pledgedBefore = Donor.pledged(http, "packaging");

        driver.get(portal + "/signin?next=/give");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        fill("email", email);
        fill("password", password);
        submit();
        // the sign-in page's own address names /give: wait for the donate form itself
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fundCode")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("fundCode"))).selectByValue("packaging");
        fill("amount", "12,50.x");
        submit();
        WebElement amountError =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=amount-error]")));
        assertTrue(amountError.getText().contains("amount"), amountError.getText());

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("fundCode"))).selectByValue("packaging");
        fill("amount", "125.50");
        submit();
        WebElement amount = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=pledged-amount]")));
        assertEquals("125.50 USD", amount.getText());
        assertTrue(driver.findElement(By.cssSelector("[data-testid=reference]"))
                .getText()
                .startsWith("ENDOW-"));
        screenshot("given");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Donor.pledged(http, "packaging") == pledgedBefore + 12_550);

        // staff reconcile the transfer; the donor finds the gift received and its receipt in their space
        String donorToken = Donor.token(http, email, password);
        String pledgeId = http.get("/api/donations/pledges/mine", donorToken)
                .json()
                .get(0)
                .get("id")
                .asText();
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        assertEquals(
                200,
                http.postJson("/api/donations/pledges/" + pledgeId + "/received", "{\"reference\":\"BACS 7\"}", staff)
                        .status());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/donations/receipts/mine", donorToken)
                        .body()
                        .contains("number"));
        driver.findElement(By.linkText("My giving")).click();
        WebElement gift = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=gifts] tr[data-id='" + pledgeId + "']")));
        assertTrue(gift.getText().contains("125.50 USD") && gift.getText().contains("received"), gift.getText());
        WebElement receipt = driver.findElement(By.cssSelector("[data-testid=receipts] a[data-receipt]"));
        String number = receipt.getAttribute("data-receipt");
        assertTrue(receipt.getAttribute("href").endsWith("/api/donations/receipts/" + number + ".pdf"));
        screenshot("my-giving");
        // the donor lets this gift be thanked publicly: the transparency page follows the change
        driver.findElement(By.cssSelector("button[data-recognition='" + pledgeId + "']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("button[data-recognition='" + pledgeId + "']"), "shown"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            driver.get(portal + "/transparency");
            return driver.findElements(By.cssSelector("[data-testid=recent-gifts]")).stream()
                    .anyMatch(e -> e.getText().contains("A donor gave 125.50 USD"));
        });
        driver.get(portal + "/account/giving");
        Http.Response pdf = http.getAny("/api/donations/receipts/" + number + ".pdf", donorToken);
        assertTrue(pdf.body().startsWith("%PDF"), "the receipt downloads as a PDF");
    }

    @Test
    void the_transparency_page_shows_the_ledger_figures_and_exports_them() throws Exception {
        Http http = new Http(stack.gatewayUrl());
        Donor ada = Donor.signUp(http, "Ada Lovelace");
        long raisedBefore = Donor.raised(http, "packaging");
        Http.Response pledge = ada.pledge(123_400, "packaging");
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        assertEquals(
                200,
                http.postJson("/api/donations/pledges/" + pledge.field("id") + "/received", "{}", staff)
                        .status());
        long raised = raisedBefore + 123_400;
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Donor.raised(http, "packaging") == raised);
        String expected =
                new java.text.DecimalFormat("#,##0.00").format(java.math.BigDecimal.valueOf(raised, 2)) + " USD";

        driver.get(portal + "/transparency");
        WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-code=packaging] td[data-field=raised]")));
        assertEquals(expected, cell.getText());
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(
                driver.findElements(By.cssSelector(".chart-label")).stream()
                        .anyMatch(e -> e.getText().equals(month + " · donations")),
                "the income chart shows this month's donations");
        screenshot("transparency");

        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/funds/transparency/export.csv"))
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(
                csv.body().lines().anyMatch(l -> l.startsWith("item,packaging,") && l.contains("," + raised + ",")),
                csv.body());
        boolean inJson = false;
        for (var item : http.get("/api/funds/transparency", null).json().get("items")) {
            if (item.get("code").asText().equals("packaging")) {
                assertEquals(raised, item.get("raisedMinor").asLong());
                inJson = true;
            }
        }
        assertTrue(inJson, "the JSON export lists the item");
    }

    @Test
    void staff_move_general_money_to_an_item_record_an_in_kind_gift_and_browse_the_ledger() throws Exception {
        Http http = new Http(stack.gatewayUrl());
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        Donor grace = Donor.signUp(http, "Grace Hopper");
        Http.Response gift = grace.pledge(50_000, "general");
        assertEquals(
                200,
                http.postJson("/api/donations/pledges/" + gift.field("id") + "/received", "{}", staff)
                        .status());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Donor.raised(http, "general") >= 50_000);
        long sprintBefore = http.get("/api/funds/items/core-sprint-2027", null)
                .json()
                .get("availableMinor")
                .asLong();

        // a gift in euros: the ledger keeps dollars, and no rate is recorded yet, so it waits (dead-lettered)
        Http.Response euros = http.postJson(
                "/api/donations/pledges",
                "{\"amountMinor\":10000,\"currency\":\"EUR\",\"fundCode\":\"general\",\"method\":\"BANK_TRANSFER\"}",
                grace.token);
        assertEquals(201, euros.status(), euros.body());
        assertEquals(
                200,
                http.postJson("/api/donations/pledges/" + euros.field("id") + "/received", "{}", staff)
                        .status());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/funds/operations/dead-letters", staff)
                        .body()
                        .contains("no exchange rate recorded for EUR to USD"));

        Page page = new Page(driver, portal, screenshots);
        page.signIn(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "/");
        page.click(By.id("nav-staff"));
        page.click(By.id("staff-funds"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=items] tr[data-code=packaging]")));

        // a typing slip is refused field by field, nothing moves
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("transfer-to")))
                .selectByValue("core-sprint-2027");
        page.fill("transfer-amount", "twelve");
        page.fill("transfer-reason", "Sprint travel grants");
        page.click(By.id("transfer"));
        assertTrue(
                page.text("[data-testid=form-error]").contains("amountMinor"), page.text("[data-testid=form-error]"));

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("transfer-to")))
                .selectByValue("core-sprint-2027");
        page.fill("transfer-amount", "123.45");
        page.fill("transfer-reason", "Sprint travel grants, board decision 2026-11");
        page.click(By.id("transfer"));
        assertTrue(page.text("[data-testid=done]").contains("transfer"));

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("in-kind-item")))
                .selectByValue("core-sprint-2027");
        page.fill("in-kind-value", "2,000.00");
        page.fill("in-kind-description", "Venue for the sprint week, given by Bloomberg");
        page.click(By.id("record-in-kind"));
        assertTrue(page.text("[data-testid=done]").contains("in-kind"));

        // staff record the euro's rate: the waiting gift is applied at it, in dollars
        long generalBefore = Donor.raised(http, "general");
        page.fill("rate-currency", "EUR");
        page.fill("rate-value", "1.0842");
        page.click(By.id("record-rate"));
        assertTrue(page.text("[data-testid=rates]").contains("1.0842"), page.text("[data-testid=rates]"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Donor.raised(http, "general") == generalBefore + 10_842);

        // the ledger, filtered to the item, shows both entries; the audit log names the transfer and its reason
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            driver.get(portal + "/staff/funds?fund=core-sprint-2027");
            return driver.findElements(By.cssSelector("[data-testid=ledger] tbody[data-kind=IN_KIND]"))
                                    .size()
                            >= 1
                    && driver.findElements(By.cssSelector("[data-testid=ledger] tbody[data-kind=TRANSFER]"))
                                    .size()
                            >= 1;
        });
        String ledger = page.text("[data-testid=ledger]");
        assertTrue(ledger.contains("123.45 USD"), ledger);
        assertTrue(ledger.contains("2,000.00 USD"), ledger);
        assertTrue(page.text("[data-testid=audit]").contains("Sprint travel grants, board decision 2026-11"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("TRANSFER");
        page.click(By.id("filter"));
        assertTrue(driver.findElements(By.cssSelector("[data-testid=ledger] tbody[data-kind=IN_KIND]"))
                .isEmpty());
        assertTrue(!driver.findElements(By.cssSelector("[data-testid=ledger] tbody[data-kind=TRANSFER]"))
                .isEmpty());
        driver.get(portal + "/staff/funds");
        page.screenshot("staff-funds");

        // the ledger as CSV for more than a year: the funds service refuses, and the page says why, the period kept
        page.fillDate("csv-from", "2025-01-01");
        page.fillDate("csv-to", "2026-06-30");
        page.click(By.id("ledger-csv"));
        String refusal = page.text("[data-testid=form-error]");
        assertTrue(refusal.contains("a period is at most 366 days; this one is 546"), refusal);
        assertTrue(driver.getCurrentUrl().contains("/staff/funds/ledger.csv?"), driver.getCurrentUrl());
        assertEquals("2025-01-01", driver.findElement(By.id("csv-from")).getDomProperty("value"));
        assertEquals("2026-06-30", driver.findElement(By.id("csv-to")).getDomProperty("value"));
        page.screenshot("staff-funds-ledger-csv-refused");
        // an unknown item's statement: said on the page too
        driver.get(portal + "/staff/funds/statement?code=no-such-item&from=2026-01-01&to=2026-01-31");
        assertTrue(
                page.text("[data-testid=form-error]").contains("No funded item 'no-such-item'"),
                page.text("[data-testid=form-error]"));
        // a month's ledger is the download, fetched by the portal with the staff member's session
        String month =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 8);
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        portal + "/staff/funds/ledger.csv?from=" + month + "01&to=" + month + "28"))
                                .header(
                                        "Cookie",
                                        "endow_session="
                                                + driver.manage()
                                                        .getCookieNamed("endow_session")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(
                "attachment; filename=\"ledger-" + month + "01-" + month + "28.csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(csv.body().startsWith("entry_id,occurred_at,kind,"), csv.body());
        long sprintAfter = http.get("/api/funds/items/core-sprint-2027", null)
                .json()
                .get("availableMinor")
                .asLong();
        assertTrue(sprintAfter - sprintBefore >= 12_345, "the transfer is available on the item: " + sprintAfter);

        // what the services gave up on, per service: nothing in this stack
        driver.get(portal + "/staff/operations");
        for (String route : List.of("donations", "funds")) {
            String section = page.text("section[data-service=" + route + "]");
            assertTrue(section.contains("Dead letters") && section.contains("Failed mails"), section);
            assertTrue(
                    driver.findElements(By.cssSelector("section[data-service=" + route + "] table"))
                            .isEmpty(),
                    section);
        }
        page.screenshot("staff-operations");

        // the item's statement for this month
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Http.Response statement = http.getAny(
                "/api/funds/items/core-sprint-2027/statement.pdf?from=" + today.substring(0, 8) + "01&to=" + today,
                staff);
        assertEquals(200, statement.status());
        assertTrue(statement.body().startsWith("%PDF"));
    }

    @Test
    void pages_are_served_with_a_content_security_policy() throws Exception {
        HttpResponse<String> home = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, home.statusCode());
        assertTrue(
                home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    private static String userName() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=user-name]")))
                .getText();
    }

    private static void fill(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    private static void submit() {
        WebDriver current = driver;
        current.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private static void screenshot(String name) throws Exception {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
