package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.endow.sponsors.sponsorships.application.Logos;
import org.endow.sponsors.sponsorships.model.Logo;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcLogos implements Logos {

    private final JdbcOperations jdbc;

    JdbcLogos(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID sponsorship, Logo logo) {
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(logo.content()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String digest = sha;
        jdbc.prepareStatement(
                "insert into sponsorship_logo (sponsorship_id, content_type, content, sha256) values (?, ?, ?, ?)"
                        + " on conflict (sponsorship_id) do update set content_type = excluded.content_type,"
                        + " content = excluded.content, sha256 = excluded.sha256, uploaded_at = now()",
                statement -> {
                    statement.setObject(1, sponsorship);
                    statement.setString(2, logo.contentType());
                    statement.setBytes(3, logo.content());
                    statement.setString(4, digest);
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<Logo> find(UUID sponsorship) {
        return jdbc.prepareStatement(
                "select content_type, content from sponsorship_logo where sponsorship_id = ?", statement -> {
                    statement.setObject(1, sponsorship);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new Logo(rs.getString(1), rs.getBytes(2)))
                                : Optional.<Logo>empty();
                    }
                });
    }

    @Override
    public Set<UUID> withLogo(Set<UUID> sponsorships) {
        Set<UUID> found = new HashSet<>();
        if (sponsorships.isEmpty()) {
            return found;
        }
        jdbc.prepareStatement(
                "select sponsorship_id from sponsorship_logo where sponsorship_id = any(?)", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid", sponsorships.toArray()));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return found.size();
                });
        return found;
    }
}
