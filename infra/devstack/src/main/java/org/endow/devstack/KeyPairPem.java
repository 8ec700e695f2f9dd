package org.endow.devstack;

/**
 * An RSA key pair as PEM text: {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo) and {@code -----BEGIN
 * PRIVATE KEY-----} (PKCS#8).
 */
public record KeyPairPem(String publicKeyPem, String privateKeyPem) {

    @Override
    public String toString() {
        return "KeyPairPem[publicKeyPem=" + publicKeyPem.strip() + ", privateKeyPem=***]";
    }
}
