package org.endow.platform.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {

    static final String SECRET = "whsec_test_secret";
    static final String BODY =
            "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"api_version\":null,"
                    + "\"data\":{\"object\":{\"id\":\"cs_1\",\"object\":\"checkout.session\"}}}";

    final StripeWebhookVerifier verifier =
            new StripeWebhookVerifier(new StripeProperties("sk_test", "http://127.0.0.1:1", SECRET));

    @Test
    void a_correctly_signed_fresh_event_is_accepted() throws Exception {
        long now = System.currentTimeMillis() / 1000;

        var event = verifier.verify(BODY, "t=" + now + ",v1=" + sign(SECRET, now, BODY));

        assertEquals("evt_1", event.getId());
        assertEquals("checkout.session.completed", event.getType());
    }

    @Test
    void a_forged_signature_is_refused() throws Exception {
        long now = System.currentTimeMillis() / 1000;

        var problem = assertThrows(
                ProblemException.class,
                () -> verifier.verify(BODY, "t=" + now + ",v1=" + sign("whsec_someone_else", now, BODY)));

        assertEquals(400, problem.status().getCode());
    }

    @Test
    void a_changed_body_is_refused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "t=" + now + ",v1=" + sign(SECRET, now, BODY);

        assertThrows(ProblemException.class, () -> verifier.verify(BODY.replace("cs_1", "cs_2"), header));
    }

    @Test
    void a_signature_older_than_five_minutes_is_refused() throws Exception {
        long stale = System.currentTimeMillis() / 1000 - StripeWebhookVerifier.TOLERANCE_SECONDS - 60;

        var problem = assertThrows(
                ProblemException.class, () -> verifier.verify(BODY, "t=" + stale + ",v1=" + sign(SECRET, stale, BODY)));

        assertEquals(400, problem.status().getCode());
    }

    @Test
    void a_missing_signature_is_refused() {
        assertThrows(ProblemException.class, () -> verifier.verify(BODY, null));
    }

    static String sign(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
