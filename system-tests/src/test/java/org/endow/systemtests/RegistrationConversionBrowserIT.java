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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A cancelled event in headless Chromium: staff import its registrations and cancel it; a registrant
 * opens the emailed link, donates part of the fee and is shown what is donated and what refunded; the
 * receipt for the donated part arrives by email; staff see the tally.
 */
class RegistrationConversionBrowserIT {

    static EndowStack stack;
    static GreenMail mail;
    static ChromeDriver driver;
    static Page page;
    static Http http;

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
        String portal = "http://localhost:" + gatewayPort;
        stack = EndowStack.start(
                TestInfra.get().kafkaBootstrapServers(),
                "registrations-browser",
                List.of(),
                Map.of(
                        "donations",
                        Map.of(
                                "ENDOW_MAIL_SMTP_HOST",
                                "127.0.0.1",
                                "ENDOW_MAIL_SMTP_PORT",
                                Integer.toString(smtpPort),
                                "ENDOW_REGISTRATIONS_PORTAL_URL",
                                portal),
                        "gateway",
                        Map.of("MICRONAUT_SERVER_PORT", Integer.toString(gatewayPort))));
        http = new Http(stack.gatewayUrl());
        Donor.awaitItemsKnown(http, "general");
        Path screenshots = Browser.screenshots();
        driver = Browser.chromium();
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
    void a_registrant_donates_part_of_the_fee_gets_the_rest_back_and_a_receipt_and_staff_see_the_tally()
            throws Exception {
        String admin = Donor.token(http, EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD);
        Http.Response event = http.postJson(
                "/api/donations/registrations/events",
                "{\"code\":\"sprint-conf-2027\",\"name\":\"Sprint Conf 2027\",\"currency\":\"EUR\",\"fundCode\":\"general\","
                        + "\"deadline\":\"" + Instant.now().plus(Duration.ofDays(14))
                        + "\",\"defaultAnswer\":\"REFUND\"}",
                admin);
        assertTrue(event.status() == 200 || event.status() == 201, event.body());
        Http.Response imported = http.postJson(
                "/api/donations/registrations/events/sprint-conf-2027/registrations",
                "{\"registrations\":[{\"email\":\"ada.registrant@example.org\",\"name\":\"Ada Registrant\","
                        + "\"ticketType\":\"regular\",\"amountPaidMinor\":12000},"
                        + "{\"email\":\"bob.registrant@example.org\",\"name\":\"Bob Registrant\","
                        + "\"ticketType\":\"student\",\"amountPaidMinor\":5000}]}",
                admin);
        assertTrue(imported.status() == 200 || imported.status() == 201, imported.body());
        Http.Response cancelled =
                http.postJson("/api/donations/registrations/events/sprint-conf-2027/cancel", "{}", admin);
        assertTrue(cancelled.status() < 300, cancelled.body());

        String link = awaitLink("ada.registrant@example.org");
        driver.get(page.portal + link);
        page.screenshot("registration-offer");
        // the deadline as a person reads it, not the service's ISO-8601 instant
        assertTrue(
                page.text("[data-testid=deadline]").matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC"),
                page.text("[data-testid=deadline]"));
        driver.findElement(By.id("donate-part")).click();
        page.fill("amount", "45");
        page.click(By.id("answer"));
        assertEquals("45.00 EUR", page.text("[data-testid=donated]"));
        assertEquals("75.00 EUR", page.text("[data-testid=refunded]"));
        page.screenshot("registration-answered");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(mail.getReceivedMessages())
                        .anyMatch(m -> to(m).equals("ada.registrant@example.org")
                                && subject(m).startsWith("Thank you for your gift")));

        page.signIn(EndowStack.ADMIN_EMAIL, EndowStack.ADMIN_PASSWORD, "/staff/registrations/sprint-conf-2027");
        assertEquals("1", page.text("[data-testid=donate-part-count]"));
        assertEquals("45.00 EUR", page.text("[data-testid=converted]"));
        assertEquals("a full refund", page.text("[data-testid=default-answer]"));
        // Bob has not answered: staff remind him from the page
        page.click(By.id("remind"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(mail.getReceivedMessages())
                                .filter(m -> to(m).equals("bob.registrant@example.org"))
                                .count()
                        >= 2);

        // no card payment was imported for Ada: her 75.00 is owed by bank until staff record the transfer
        assertEquals("75.00 EUR", page.text("[data-testid=due-by-bank]"));
        Http.Response csv = http.getAny("/api/donations/registrations/events/sprint-conf-2027/bank-refunds.csv", admin);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(
                csv.body().contains("sprint-conf-2027,ada.registrant@example.org,Ada Registrant,regular,7500,EUR,"),
                csv.body());
        page.screenshot("registration-bank-refund-owed");
        page.fill("reference-0", "TRX-2026-0042");
        page.click(By.cssSelector("[data-testid=bank-refunds] button"));
        assertTrue(
                page.text("[data-testid=sent]").endsWith("reference TRX-2026-0042"), page.text("[data-testid=sent]"));
        assertEquals("0.00 EUR", page.text("[data-testid=due-by-bank]"));
        assertEquals("75.00 EUR", page.text("[data-testid=refunded]"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(mail.getReceivedMessages())
                        .anyMatch(m -> to(m).equals("ada.registrant@example.org")
                                && subject(m).equals("Your refund for Sprint Conf 2027 is on its way")
                                && GreenMailUtil.getBody(m).contains("TRX-2026-0042")));
        page.screenshot("registration-tally");
    }

    private static String awaitLink(String to) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> to(m).equals(to)));
        MimeMessage offer = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> to(m).equals(to))
                .findFirst()
                .orElseThrow();
        String body = GreenMailUtil.getBody(offer).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile("/registrations/offer/[A-Za-z0-9_-]{43}").matcher(body);
        assertTrue(link.find(), body);
        return link.group();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
