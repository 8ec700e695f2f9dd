package org.endow.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** Hand-made tokens for attacks: signed by a key the gateway never had, or not signed at all. */
final class Tokens {

    private Tokens() {}

    static String signedWith(String privateKeyPem, String subject, String role) {
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String claims = base64("{\"sub\":\"%s\",\"roles\":[\"%s\"],\"iss\":\"endow-gateway\",\"iat\":%d,\"exp\":%d}"
                .formatted(subject, role, now, now + 3600));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(privateKeyPem));
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(String subject, String role) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String claims = base64("{\"sub\":\"%s\",\"roles\":[\"%s\"],\"exp\":%d}".formatted(subject, role, now + 3600));
        return header + "." + claims + ".";
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
