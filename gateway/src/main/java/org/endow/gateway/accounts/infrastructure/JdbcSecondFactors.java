package org.endow.gateway.accounts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.SecondFactor;
import org.endow.gateway.accounts.model.SecondFactors;
import org.endow.platform.security.JwtKeyProperties;

/**
 * Authenticator secrets sealed with AES-256-GCM (a database dump alone does not give anyone's codes). The key is
 * derived from the gateway's signing key, which only the gateway holds; the account id is the associated data, so a
 * sealed secret cannot be moved to another account.
 */
@Singleton
class JdbcSecondFactors implements SecondFactors {

    private final JdbcOperations jdbc;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    JdbcSecondFactors(JdbcOperations jdbc, JwtKeyProperties keys) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(derive(keys.privateKey()), "AES");
    }

    private static byte[] derive(String signingKey) {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalStateException("endow.jwt.private-key is required to seal authenticator secrets");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("endow.gateway.second-factor-seal.v1\0".getBytes(StandardCharsets.UTF_8));
            return sha256.digest(signingKey.strip().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<SecondFactor> find(AccountId account) {
        return jdbc.prepareStatement(
                "select sealed_secret, enabled_at, last_used_step from second_factor where account_id = ?",
                statement -> {
                    statement.setObject(1, account.value());
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        Timestamp enabled = rs.getTimestamp(2);
                        return Optional.of(new SecondFactor(
                                account,
                                open(rs.getBytes(1), account.value()),
                                enabled == null ? null : enabled.toInstant(),
                                rs.getLong(3)));
                    }
                });
    }

    @Override
    public void save(SecondFactor factor) {
        jdbc.prepareStatement(
                "insert into second_factor (account_id, sealed_secret, enabled_at, last_used_step) values (?, ?, ?, ?)"
                        + " on conflict (account_id) do update set sealed_secret = excluded.sealed_secret,"
                        + " enabled_at = excluded.enabled_at, last_used_step = excluded.last_used_step",
                statement -> {
                    statement.setObject(1, factor.account().value());
                    statement.setBytes(2, seal(factor.secret(), factor.account().value()));
                    statement.setTimestamp(3, factor.enabledAt() == null ? null : Timestamp.from(factor.enabledAt()));
                    statement.setLong(4, factor.lastUsedStep());
                    return statement.executeUpdate();
                });
    }

    @Override
    public boolean use(AccountId account, long step) {
        return jdbc.prepareStatement(
                        "update second_factor set last_used_step = ?"
                                + " where account_id = ? and enabled_at is not null and last_used_step < ?",
                        statement -> {
                            statement.setLong(1, step);
                            statement.setObject(2, account.value());
                            statement.setLong(3, step);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    private byte[] seal(byte[] secret, UUID account) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(account.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an authenticator secret", e);
        }
    }

    private byte[] open(byte[] sealed, UUID account) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(account.toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot open the authenticator secret of " + account + " (was the signing key changed?)", e);
        }
    }
}
