package org.endow.platform.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.interfaces.RSAPublicKey;

/**
 * Verifies the RS256 tokens minted by the gateway. A service reached without a token signed by the
 * gateway's key sees an anonymous caller; secured endpoints then answer 401.
 */
@Singleton
@Named("gateway")
@Requires(property = "endow.jwt.public-key")
final class GatewayTokenVerification implements RSASignatureConfiguration {

    private final RSAPublicKey publicKey;

    GatewayTokenVerification(JwtKeyProperties properties) {
        this.publicKey = PemKeys.publicKey(properties.publicKey());
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }
}
