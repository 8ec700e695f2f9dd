package org.endow.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads RSA keys given as PEM text or as the path of a PEM file (environment-friendly). */
public final class PemKeys {

    private PemKeys() {}

    public static RSAPublicKey publicKey(String pemOrPath) {
        byte[] der = der(pemOrPath, "PUBLIC KEY");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key (X.509 SubjectPublicKeyInfo PEM expected)", e);
        }
    }

    public static RSAPrivateKey privateKey(String pemOrPath) {
        byte[] der = der(pemOrPath, "PRIVATE KEY");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key (PKCS#8 PEM expected)", e);
        }
    }

    private static byte[] der(String pemOrPath, String label) {
        if (pemOrPath == null || pemOrPath.isBlank()) {
            throw new IllegalArgumentException("No " + label.toLowerCase() + " configured");
        }
        String pem = pemOrPath.strip();
        if (!pem.startsWith("-----BEGIN")) {
            try {
                pem = Files.readString(Path.of(pem)).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + label.toLowerCase() + " file " + pemOrPath, e);
            }
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Expected a PEM block '" + begin + "'");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
