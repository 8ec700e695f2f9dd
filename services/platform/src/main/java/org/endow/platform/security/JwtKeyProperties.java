package org.endow.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The gateway signs the identity it forwards with its private key; every service verifies it with
 * the public key. {@code ENDOW_JWT_PUBLIC_KEY} / {@code ENDOW_JWT_PRIVATE_KEY}: PEM text or a path.
 */
@ConfigurationProperties("endow.jwt")
public record JwtKeyProperties(
        @Nullable String publicKey, @Nullable String privateKey) {}
