package org.endow.fellows.nominations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.endow.fellows.nominations.application.Tokens;

/** 256 random bits per link; only their SHA-256 is stored, so a leaked database holds no usable link. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcTokens implements Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;

    JdbcTokens(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String issue(String purpose, UUID subject) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Sql.update(jdbc, "insert into link_token (hash, purpose, subject) values (?, ?, ?)", s -> {
            s.setString(1, hash(raw));
            s.setString(2, purpose);
            s.setObject(3, subject);
        });
        return raw;
    }

    @Override
    public Optional<UUID> subject(String purpose, String raw) {
        if (raw == null || !raw.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Sql.list(
                        jdbc,
                        "select subject from link_token where hash = ? and purpose = ?",
                        s -> {
                            s.setString(1, hash(raw));
                            s.setString(2, purpose);
                        },
                        rs -> rs.getObject(1, UUID.class))
                .stream()
                .findFirst();
    }

    private static String hash(String raw) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
