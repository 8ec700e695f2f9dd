package org.endow.gateway.accounts.infrastructure;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Context;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureGeneratorConfiguration;
import jakarta.inject.Named;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.endow.platform.app.StartupFailure;
import org.endow.platform.security.JwtKeyProperties;
import org.endow.platform.security.PemKeys;

/**
 * The gateway signs every token with its private key (RS256); services hold only the public key,
 * so no service can mint an identity.
 */
@Context
@Named("generator")
class GatewaySigningKey implements RSASignatureGeneratorConfiguration {

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    GatewaySigningKey(JwtKeyProperties keys) {
        if (keys.privateKey() == null || keys.publicKey() == null) {
            throw new StartupFailure(
                    "the gateway needs ENDOW_JWT_PRIVATE_KEY and ENDOW_JWT_PUBLIC_KEY (PEM text or file path)", null);
        }
        this.publicKey = PemKeys.publicKey(keys.publicKey());
        this.privateKey = PemKeys.privateKey(keys.privateKey());
        if (!publicKey.getModulus().equals(privateKey.getModulus())) {
            throw new StartupFailure("ENDOW_JWT_PRIVATE_KEY and ENDOW_JWT_PUBLIC_KEY are not one key pair", null);
        }
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public JWSAlgorithm getJwsAlgorithm() {
        return JWSAlgorithm.RS256;
    }
}
