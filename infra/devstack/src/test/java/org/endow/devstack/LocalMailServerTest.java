package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LocalMailServerTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_person_reads_the_mail_the_services_sent() throws Exception {
        try (LocalMailServer server = LocalMailServer.start(freePort(), freePort());
                HttpClient http = HttpClient.newHttpClient()) {
            GreenMailUtil.sendTextEmail(
                    "donor@example.org",
                    "no-reply@endow.local",
                    "Thank you <for> your gift",
                    "Receipt 2026-000001",
                    new ServerSetup(server.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

            HttpResponse<String> inbox = http.send(
                    HttpRequest.newBuilder(URI.create(server.viewerUrl())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, inbox.statusCode());
            assertTrue(inbox.body().contains("Thank you &lt;for&gt; your gift"), inbox.body());
            HttpResponse<String> mail = http.send(
                    HttpRequest.newBuilder(URI.create(server.viewerUrl() + "m/0"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(mail.body().contains("Receipt 2026-000001"), mail.body());
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(server.viewerUrl() + "m/7"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode());
        }
    }
}
