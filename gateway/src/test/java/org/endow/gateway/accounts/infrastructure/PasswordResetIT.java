package org.endow.gateway.accounts.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.endow.devstack.Database;
import org.endow.devstack.KeyPairPem;
import org.endow.devstack.TestInfra;
import org.endow.gateway.accounts.application.SignUpCommand;
import org.endow.gateway.accounts.application.SigningUp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Forgot your password?" end to end: the link by mail over SMTP (the platform's mail outbox in the gateway), built on
 * the configured portal address, the same answer for an unknown email, a weak password refused field by field, the
 * new password ending every session, the link used once, and a mail confirming the change.
 */
class PasswordResetIT {

    static final String PASSWORD = "the old and forgotten passphrase";
    static final String NEW_PASSWORD = "a brand new passphrase to remember";
    static final String ADMIN_EMAIL = "admin-resets@example.org";
    static final String ADMIN_PASSWORD = "password reset test admin password";
    static final String CSRF = "r".repeat(40);
    static final HttpClient http = HttpClient.newHttpClient();
    static GreenMail smtp;
    static EmbeddedServer gateway;

    @BeforeAll
    static void start() throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Database db = TestInfra.get().freshDatabase("gateway_password_reset");
        KeyPairPem keys = TestInfra.get().jwtKeys();
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", db.jdbcUrl());
        p.put("datasources.default.username", db.username());
        p.put("datasources.default.password", db.password());
        p.put("endow.jwt.public-key", keys.publicKeyPem());
        p.put("endow.jwt.private-key", keys.privateKeyPem());
        p.put("endow.accounts.admin-email", ADMIN_EMAIL);
        p.put("endow.accounts.admin-password", ADMIN_PASSWORD);
        p.put("endow.accounts.mfa-enforced", false);
        p.put("endow.accounts.portal-url", "https://portal.example.org/");
        p.put("endow.mail.smtp.port", smtpPort);
        p.put("endow.mail.relay-interval", "100ms");
        p.put("endow.gateway.ratelimits.signin.requests", 1000);
        p.put("endow.gateway.ratelimits.password-reset.requests", 1000);
        p.put("micronaut.server.port", -1);
        gateway = ApplicationContext.run(EmbeddedServer.class, p);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.getApplicationContext().close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void a_link_by_mail_sets_a_new_password_once_and_ends_every_session() throws Exception {
        String email = signUp("grace");
        String session = EndedSessionsIT.token(gateway, email, PASSWORD);
        String unknown = "nobody-" + System.nanoTime() + "@example.org";

        HttpResponse<String> forUnknown = form("/password/forgot", "email=" + enc(unknown), "evil.example.org");
        HttpResponse<String> forGrace = form("/password/forgot", "email=" + enc(email), "evil.example.org");

        assertEquals(200, forUnknown.statusCode());
        assertEquals(200, forGrace.statusCode());
        assertEquals(
                sentNotice(forUnknown.body()).replace(unknown, "EMAIL"),
                sentNotice(forGrace.body()).replace(email, "EMAIL"),
                "an unknown email gets the same answer");
        MimeMessage linkMail = awaitMail(email, "Set a new password for your Endow account");
        String body = GreenMailUtil.getBody(linkMail).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile("https://portal\\.example\\.org/password/reset\\?token=([A-Za-z0-9_-]{43})")
                .matcher(body);
        assertTrue(link.find(), "the link is on the configured portal, not the request's Host: " + body);
        String token = link.group(1);

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(uri("/password/reset?token=" + token))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"token\" value=\"" + token + "\""), page.body());

        HttpResponse<String> weak = form("/password/reset", "token=" + token + "&password=short", null);
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("at least 12 characters"), weak.body());
        assertEquals(200, EndedSessionsIT.me(gateway, session).statusCode(), "a refused password changes nothing");

        HttpResponse<String> done = form("/password/reset", "token=" + token + "&password=" + enc(NEW_PASSWORD), null);

        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/signin?reset=done", done.headers().firstValue("location").orElseThrow());
        assertEquals(401, EndedSessionsIT.me(gateway, session).statusCode(), "every session ended");
        assertEquals(401, signIn(email, PASSWORD), "the old password no longer works");
        assertEquals(200, signIn(email, NEW_PASSWORD));
        HttpResponse<String> again = form("/password/reset", "token=" + token + "&password=" + enc(PASSWORD), null);
        assertEquals(410, again.statusCode(), "a link works once");
        assertTrue(again.body().contains("expired or was used already"), again.body());
        assertEquals(200, signIn(email, NEW_PASSWORD), "the used link changed nothing");
        awaitMail(email, "Your Endow password was changed");
        assertFalse(
                Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(m -> recipient(m).equals(unknown)),
                "nothing was mailed to an email without an account");

        String audit = EndedSessionsIT.send(
                        gateway,
                        HttpRequest.newBuilder(uri("/api/accounts/audit"))
                                .header(
                                        "Authorization",
                                        "Bearer " + EndedSessionsIT.token(gateway, ADMIN_EMAIL, ADMIN_PASSWORD))
                                .GET())
                .body();
        assertTrue(audit.contains("account.password-reset-requested"), audit);
        assertTrue(audit.contains("\"account.password-reset\""), audit);
    }

    @Test
    void a_signed_in_person_changes_their_password_and_every_other_session_ends() throws Exception {
        String email = signUp("katherine");
        String phone = EndedSessionsIT.token(gateway, email, PASSWORD);
        String browser = EndedSessionsIT.token(gateway, email, PASSWORD);

        HttpResponse<String> wrong = change(browser, "not my password at all", NEW_PASSWORD);
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("is not your current password"), wrong.body());
        HttpResponse<String> weak = change(browser, PASSWORD, "short");
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("at least 12 characters"), weak.body());
        assertEquals(200, EndedSessionsIT.me(gateway, phone).statusCode(), "a refused change changes nothing");

        HttpResponse<String> changed = change(browser, PASSWORD, NEW_PASSWORD);

        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals(
                "/account/security?password=changed",
                changed.headers().firstValue("location").orElseThrow());
        String renewed = changed.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(SessionTokens.COOKIE + "="))
                .map(c -> c.substring(SessionTokens.COOKIE.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        assertEquals(401, EndedSessionsIT.me(gateway, phone).statusCode(), "the other session ended");
        assertEquals(401, EndedSessionsIT.me(gateway, browser).statusCode(), "the old cookie too");
        assertEquals(200, EndedSessionsIT.me(gateway, renewed).statusCode(), "this browser goes on, with a new one");
        assertEquals(401, signIn(email, PASSWORD));
        assertEquals(200, signIn(email, NEW_PASSWORD));
        awaitMail(email, "Your Endow password was changed");
    }

    @Test
    void a_flood_of_requests_for_one_account_mails_three_links_an_hour() throws Exception {
        String email = signUp("alan");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    200, form("/password/forgot", "email=" + enc(email), null).statusCode());
        }
        // a later mail: the relay sends in order, so once it is in, alan's would be too
        String later = signUp("marker");
        form("/password/forgot", "email=" + enc(later), null);
        awaitMail(later, "Set a new password for your Endow account");

        long links = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(email))
                .count();
        assertEquals(3, links);
    }

    @Test
    void an_address_that_is_not_an_email_is_told_so_on_the_form() throws Exception {
        HttpResponse<String> answer = form("/password/forgot", "email=not-an-address", null);
        assertEquals(422, answer.statusCode());
        assertTrue(answer.body().contains("must be an email address"), answer.body());
        HttpResponse<String> madeUp = form("/password/reset", "token=made-up&password=" + enc(NEW_PASSWORD), null);
        assertEquals(410, madeUp.statusCode());
        assertTrue(madeUp.body().contains("data-testid=\"reset-gone\""), madeUp.body());
    }

    static String signUp(String name) {
        String email = name + "-" + System.nanoTime() + "@example.org";
        gateway.getApplicationContext().getBean(SigningUp.class).signUp(new SignUpCommand(email, name, PASSWORD));
        return email;
    }

    static int signIn(String email, String password) throws Exception {
        return EndedSessionsIT.send(
                        gateway,
                        HttpRequest.newBuilder(uri("/api/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")))
                .statusCode();
    }

    static HttpResponse<String> form(String path, String body, String host) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Cookie", "endow_csrf=" + CSRF)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + CSRF));
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> change(String session, String current, String replacement) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/account/security/password"))
                        .header("Cookie", SessionTokens.COOKIE + "=" + session + "; endow_csrf=" + CSRF)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("currentPassword=" + enc(current) + "&newPassword="
                                + enc(replacement) + "&_csrf=" + CSRF))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String sentNotice(String page) {
        Matcher notice = Pattern.compile("data-testid=\"reset-sent\">(.*?)</p>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(notice.find(), page);
        return notice.group(1);
    }

    static MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (recipient(message).equals(to) && subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail '" + subject + "' to " + to + " within 15 s; received "
                + List.of(smtp.getReceivedMessages()).size());
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static URI uri(String path) {
        return EndedSessionsIT.uri(gateway, path);
    }
}
