package org.endow.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.endow.devstack.TestInfra;
import org.endow.stripestandin.StripeStandin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Giving by card in headless Chromium through the gateway, with stripe-java in the donations service
 * talking to the Stripe stand-in and the stand-in's signed webhooks coming back through the gateway:
 * a guest gives on the public donate page and pays on the checkout page, the item's raised total and
 * the receipt email follow; a declined card brings the guest back with nothing charged; a signed-in
 * donor starts a monthly gift and cancels it in My giving; staff refund part of the guest's gift and
 * the ledger follows.
 */
class DonateBrowserIT {

    static final String KEY = "sk_test_donate_browser";
    static final String SECRET = "whsec_donate_browser";
    static final String STAFF_MAIL = "finance@endow.test";

    static EndowStack stack;
    static StripeStandin stripe;
    static GreenMail mail;
    static ChromeDriver driver;
    static Page page;
    static WebDriverWait wait;
    static String portal;
    static Path screenshots;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort = freePort();
        int gatewayPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        portal = "http://localhost:" + gatewayPort;
        stripe = StripeStandin.start(
                0, KEY, SECRET, URI.create("http://127.0.0.1:" + gatewayPort + "/api/donations/stripe/webhook"));
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "donate-browser",
                List.of(),
                Map.of(
                        "donations",
                        Map.of(
                                "ENDOW_MAIL_SMTP_HOST",
                                "127.0.0.1",
                                "ENDOW_MAIL_SMTP_PORT",
                                Integer.toString(smtpPort),
                                "ENDOW_STRIPE_API_KEY",
                                KEY,
                                "ENDOW_STRIPE_API_BASE",
                                stripe.baseUrl().toString(),
                                "ENDOW_STRIPE_WEBHOOK_SECRET",
                                SECRET,
                                "ENDOW_DONATIONS_CHECKOUT_PORTAL_URL",
                                portal,
                                "ENDOW_DONATIONS_STAFF_EMAIL",
                                STAFF_MAIL),
                        "gateway",
                        Map.of(
                                "MICRONAUT_SERVER_PORT", Integer.toString(gatewayPort),
                                "ENDOW_PORTAL_CHECKOUT_ORIGINS",
                                        stripe.baseUrl().toString())));
        http = new Http(stack.gatewayUrl());
        Donor.awaitItemsKnown(http, "packaging");
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
            if (stripe != null) {
                stripe.close();
            }
            if (mail != null) {
                mail.stop();
            }
        }
    }

    @Test
    void a_guest_gives_by_card_gets_a_receipt_and_staff_refund_part_of_it() throws Exception {
        long raisedBefore = Donor.raised(http, "packaging");
        driver.manage().deleteAllCookies();
        String email = "guest+" + UUID.randomUUID() + "@example.org";

        // a declined card first: back on the donate page, nothing charged, nothing counted
        driver.get(portal + "/give");
        chooseCardGift("packaging", "100", email);
        screenshot("donate-guest");
        submit();
        awaitCheckoutPage();
        driver.findElement(By.id("decline")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=checkout-cancelled]")));
        screenshot("donate-declined");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> received(email).stream().anyMatch(m -> subject(m).equals("Your card was declined")));

        // an amount below the minimum: the service's field error, beside the amount
        chooseCardGift("packaging", "100", email);
        fill("amount", "0.50");
        submit();
        WebElement tooSmall =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=amount-error]")));
        assertTrue(tooSmall.getText().contains("at least"), tooSmall.getText());
        driver.findElement(By.id("amount")).clear();

        // then paid
        chooseCardGift("packaging", "100", email);
        submit();
        awaitCheckoutPage();
        WebElement amount = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amount")));
        assertEquals("100.00 USD", amount.getText());
        screenshot("checkout-page");
        driver.findElement(By.id("pay")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=thanks]")));
        assertTrue(driver.getCurrentUrl().startsWith(portal + "/give/thanks"), driver.getCurrentUrl());
        screenshot("donate-thanks");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Donor.raised(http, "packaging") == raisedBefore + 10_000);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> received(email).stream().anyMatch(m -> subject(m).startsWith("Thank you for your gift")));

        // the guest consented to public thanks without a name: listed as "A donor", with the dedication
        driver.get(portal + "/transparency");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector("[data-testid=recent-gifts]")).stream()
                    .anyMatch(e -> e.getText().contains("In honour of Grace Hopper"));
        });
        assertTrue(driver.findElement(By.cssSelector("[data-testid=recent-gifts]"))
                .getText()
                .contains("A donor gave 100.00 USD to Python packaging work"));
        screenshot("transparency-recent-gifts");

        // staff refund 40 of the 100 through Stripe; the ledger follows Stripe's confirmation
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        String donation = Http.MAPPER
                .readTree(stripe.events().stream()
                        .filter(e -> e.type().equals("checkout.session.completed"))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .body())
                .at("/data/object/metadata/donation_id")
                .asText();
        Http.Response tooMuch = http.postJson(
                "/api/donations/pledges/" + donation + "/refunds",
                "{\"amountMinor\":10001,\"reason\":\"typo\"}",
                staff);
        assertEquals(422, tooMuch.status(), tooMuch.body());
        assertTrue(tooMuch.body().contains("amountMinor"), tooMuch.body());
        Http.Response refund = http.postJson(
                "/api/donations/pledges/" + donation + "/refunds",
                "{\"amountMinor\":4000,\"reason\":\"asked by the donor\"}",
                staff,
                Map.of("Idempotency-Key", "refund-1"));
        assertEquals(202, refund.status(), refund.body());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Donor.raised(http, "packaging") == raisedBefore + 6_000);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> received(email).stream().anyMatch(m -> subject(m).startsWith("Your gift was refunded")));

        // staff find the gift by the guest's email, export it, and see the refund in the audit log
        Http.Response csv = http.getAny("/api/donations/staff/donations.csv?q=" + email.replace("+", "%2B"), staff);
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains(email) && csv.body().contains("4000"), csv.body());
        assertEquals(
                403,
                http.get("/api/donations/staff/donations?q=x", Donor.signUp(http, "Nosy Donor").token)
                        .status());
        driver.manage().deleteAllCookies();
        driver.get(portal + "/signin?next=/staff/donations");
        fill("email", EndowStack.ADMIN_EMAIL);
        fill("password", EndowStack.ADMIN_PASSWORD);
        submit();
        fill("q", email);
        driver.findElement(By.cssSelector("form.search button")).click();
        WebElement rows = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=donations] tbody")));
        assertTrue(
                rows.getText().contains("Grace Guest (guest)") && rows.getText().contains("Received"), rows.getText());
        assertTrue(driver.findElement(By.cssSelector("[data-testid=audit]"))
                .getText()
                .contains("donation.refund-requested"));
        screenshot("staff-donations");
    }

    @Test
    void a_tickets_refund_made_in_stripe_outside_endow_reaches_staff_who_mark_it_explained() throws Exception {
        // a cancelled gala's ticket, imported with the payment intent that paid it, refunded in Stripe's dashboard
        String staff = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String event = "gala-" + suffix;
        String intent = "pi_browser_" + suffix;
        Http.Response created = http.postJson(
                "/api/donations/registrations/events",
                "{\"code\":\"" + event + "\",\"name\":\"Gala\",\"currency\":\"EUR\",\"fundCode\":\"general\","
                        + "\"deadline\":\"" + java.time.Instant.now().plus(Duration.ofDays(10))
                        + "\",\"defaultAnswer\":\"REFUND\"}",
                staff);
        assertEquals(200, created.status(), created.body());
        Http.Response imported = http.postJson(
                "/api/donations/registrations/events/" + event + "/registrations",
                "{\"registrations\":[{\"email\":\"ivy@example.org\",\"name\":\"Ivy\",\"ticketType\":\"regular\","
                        + "\"amountPaidMinor\":12000,\"paymentIntentId\":\"" + intent + "\"}]}",
                staff);
        assertEquals(200, imported.status(), imported.body());
        String eventId = "evt_browser_" + suffix;
        String refunded = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"created\":"
                + java.time.Instant.now().getEpochSecond() + ",\"type\":\"charge.refunded\",\"data\":{\"object\":"
                + "{\"id\":\"ch_browser_" + suffix + "\",\"object\":\"charge\",\"amount\":12000,"
                + "\"amount_refunded\":5000,\"currency\":\"eur\",\"payment_intent\":\"" + intent
                + "\",\"metadata\":{}}}}";
        Http.Response delivered = http.postJson(
                "/api/donations/stripe/webhook",
                refunded,
                null,
                Map.of("Stripe-Signature", stripe.signature(refunded)));
        assertEquals(200, delivered.status(), delivered.body());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> received(STAFF_MAIL).stream()
                        .anyMatch(m -> subject(m)
                                .equals("Stripe refunded €50.00 outside Endow of a payment that paid no gift")));

        // staff see it on the donations page, with the registration, and mark it explained
        driver.manage().deleteAllCookies();
        driver.get(portal + "/signin?next=/staff/donations");
        fill("email", EndowStack.ADMIN_EMAIL);
        fill("password", EndowStack.ADMIN_PASSWORD);
        submit();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=unmatched] tr[data-event-id='" + eventId + "']")));
        assertTrue(row.getText().contains("Refund"), row.getText());
        assertTrue(row.getText().contains(event + ": ivy@example.org"), row.getText());
        assertTrue(row.getText().contains("50.00"), row.getText());
        screenshot("staff-donations-unmatched");
        fill("note-" + eventId, "Gala cancelled; refunded from the dashboard");
        page.click(By.id("explain-" + eventId));
        WebElement done =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertEquals("Marked explained.", done.getText());
        WebElement explained =
                driver.findElement(By.cssSelector("[data-testid=unmatched] tr[data-event-id='" + eventId + "']"));
        assertTrue(explained.getText().contains("Gala cancelled; refunded from the dashboard"), explained.getText());
        assertTrue(driver.findElements(By.id("explain-" + eventId)).isEmpty(), "no second mark offered");
        assertTrue(driver.findElement(By.cssSelector("[data-testid=audit]"))
                .getText()
                .contains("stripe.unmatched.explained"));
        screenshot("staff-donations-unmatched-explained");
    }

    @Test
    void a_donor_starts_a_monthly_gift_and_cancels_it_in_my_giving() throws Exception {
        Donor donor = Donor.signUp(http, "Monthly Margaret");
        driver.manage().deleteAllCookies();
        driver.get(portal + "/signin?next=/give");
        fill("email", donor.email);
        fill("password", donor.password);
        submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("fundCode"))); // not the URL: the sign-in page names /give too
        new Select(driver.findElement(By.id("fundCode"))).selectByValue("general");
        fill("amount", "15");
        driver.findElement(By.cssSelector("input[name=frequency][value=MONTHLY]"))
                .click();
        driver.findElement(By.cssSelector("input[name=method][value=CARD]")).click();
        submit();
        awaitCheckoutPage();
        assertTrue(driver.findElement(By.id("amount")).getText().contains("per month"));
        driver.findElement(By.id("pay")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=thanks]")));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/donations/monthly/mine", donor.token)
                        .body()
                        .contains("ACTIVE"));
        // the first month's payment is a gift of its own, with its receipt by email
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        received(donor.email).stream().anyMatch(m -> subject(m).startsWith("Thank you for your gift")));
        driver.get(portal + "/account/giving");
        WebElement monthly = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=monthly] tbody tr")));
        assertTrue(monthly.getText().contains("15.00 USD") && monthly.getText().contains("active"), monthly.getText());
        screenshot("my-giving-monthly");
        monthly.findElement(By.cssSelector("button[data-cancel]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "being cancelled"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/donations/monthly/mine", donor.token)
                        .body()
                        .contains("CANCELLED"));
        driver.get(portal + "/account/giving");
        WebElement ended = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=monthly] tbody tr")));
        assertTrue(ended.getText().contains("cancelled"), ended.getText());
        assertTrue(ended.findElements(By.cssSelector("button[data-cancel]")).isEmpty());
        screenshot("my-giving-monthly-cancelled");
        Http.Response export = http.get("/api/donations/mine/export", donor.token);
        assertEquals(200, export.status());
        assertTrue(export.body().contains("\"monthlyGifts\"") && export.body().contains("CANCELLED"), export.body());
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        received(donor.email).stream().anyMatch(m -> subject(m).equals("Your monthly gift has ended")));
    }

    /** The stand-in's checkout page, or the donate page's error shown in the failure. */
    private static void awaitCheckoutPage() {
        try {
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.id("pay")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error, .field-error"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no checkout page at " + driver.getCurrentUrl() + ": " + driver.getPageSource(), e);
        }
        assertTrue(
                !driver.findElements(By.id("pay")).isEmpty(),
                () -> driver.findElement(By.tagName("main")).getText());
    }

    private static void chooseCardGift(String fund, String preset, String email) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fundCode")));
        new Select(driver.findElement(By.id("fundCode"))).selectByValue(fund);
        driver.findElement(By.cssSelector("input[name=preset][value='" + preset + "']"))
                .click();
        driver.findElement(By.cssSelector("input[name=method][value=CARD]")).click();
        fill("donorName", "Grace Guest");
        fill("donorEmail", email);
        fill("dedication", "In honour of Grace Hopper");
        WebElement consent = driver.findElement(By.cssSelector("input[name=recognise]"));
        if (!consent.isSelected()) {
            consent.click();
        }
    }

    private static List<MimeMessage> received(String to) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void fill(String id, String value) {
        page.fill(id, value);
    }

    private static void submit() {
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private static void screenshot(String name) throws Exception {
        page.screenshot(name);
    }
}
