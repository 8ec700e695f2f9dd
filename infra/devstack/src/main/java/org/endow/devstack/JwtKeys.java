package org.endow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA key pairs for signing (gateway) and verifying (every application) JWTs, as PEM text. */
public final class JwtKeys {

    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String PRIVATE = "PRIVATE KEY";

    private JwtKeys() {}

    /** A new RSA 2048 key pair. */
    public static KeyPairPem generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new KeyPairPem(
                    pem(PUBLIC, pair.getPublic().getEncoded()),
                    pem(PRIVATE, pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate RSA keys", e);
        }
    }

    /** The pair saved in {@code dir}, or a new one saved there when there is none. */
    public static KeyPairPem loadOrCreate(Path dir) {
        if (Files.exists(dir.resolve(PUBLIC_KEY_FILE)) || Files.exists(dir.resolve(PRIVATE_KEY_FILE))) {
            return load(dir);
        }
        KeyPairPem keys = generate();
        save(keys, dir);
        return keys;
    }

    /**
     * Reads {@value #PUBLIC_KEY_FILE} and {@value #PRIVATE_KEY_FILE} from {@code dir} and checks that they are an RSA
     * key pair.
     */
    public static KeyPairPem load(Path dir) {
        KeyPairPem keys = new KeyPairPem(read(dir.resolve(PUBLIC_KEY_FILE)), read(dir.resolve(PRIVATE_KEY_FILE)));
        RSAPublicKey publicKey = publicKey(keys.publicKeyPem());
        RSAPrivateCrtKey privateKey = privateKey(keys.privateKeyPem());
        if (!publicKey.getModulus().equals(privateKey.getModulus())) {
            throw new IllegalStateException("The JWT keys in " + dir + " do not belong together: delete both "
                    + PUBLIC_KEY_FILE + " and " + PRIVATE_KEY_FILE + " to generate a new pair");
        }
        return keys;
    }

    /** Writes the pair to {@code dir}; the private key readable by its owner only. */
    public static void save(KeyPairPem keys, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(PUBLIC_KEY_FILE), keys.publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JWT public key to " + dir, e);
        }
        FilePermissions.writePrivate(dir.resolve(PRIVATE_KEY_FILE), keys.privateKeyPem());
    }

    public static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey)
                    KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(PUBLIC, pem)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an RSA public key in X.509 PEM form", e);
        }
    }

    public static RSAPrivateCrtKey privateKey(String pem) {
        try {
            return (RSAPrivateCrtKey)
                    KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE, pem)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    /**
     * A token signed as the gateway signs its forwarded ones (issuer {@code endow-gateway}, an hour
     * long), for a service's HTTP integration tests.
     */
    public static String gatewayToken(
            KeyPairPem keys, String subject, String name, String email, java.util.List<String> roles) {
        java.util.function.Function<String, String> quoted =
                v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        long now = java.time.Instant.now().getEpochSecond();
        String claims = "{\"sub\":" + quoted.apply(subject) + ",\"name\":" + quoted.apply(name) + ",\"email\":"
                + quoted.apply(email) + ",\"roles\":["
                + String.join(",", roles.stream().map(quoted).toList()) + "],\"iss\":\"endow-gateway\",\"iat\":"
                + now + ",\"exp\":" + (now + 3600) + "}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String unsigned = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(keys.privateKeyPem()));
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String type, String pem) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int start = pem.indexOf(begin);
        int stop = pem.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("PEM text without " + begin + " ... " + end);
        }
        String body = pem.substring(start + begin.length(), stop).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JWT key " + file, e);
        }
    }
}
