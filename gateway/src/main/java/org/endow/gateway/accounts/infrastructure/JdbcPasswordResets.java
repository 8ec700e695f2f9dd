package org.endow.gateway.accounts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.PasswordReset;
import org.endow.gateway.accounts.model.PasswordResets;

@Singleton
class JdbcPasswordResets implements PasswordResets {

    private final JdbcOperations jdbc;

    JdbcPasswordResets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(PasswordReset reset) {
        jdbc.prepareStatement(
                "insert into password_reset (token_hash, account_id, requested_at, expires_at, used_at)"
                        + " values (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, reset.tokenHash());
                    statement.setObject(2, reset.accountId().value());
                    statement.setTimestamp(3, Timestamp.from(reset.requestedAt()));
                    statement.setTimestamp(4, Timestamp.from(reset.expiresAt()));
                    statement.setTimestamp(5, reset.usedAt() == null ? null : Timestamp.from(reset.usedAt()));
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<PasswordReset> findForUpdate(String tokenHash) {
        return jdbc.prepareStatement(
                "select token_hash, account_id, requested_at, expires_at, used_at from password_reset"
                        + " where token_hash = ? for update",
                statement -> {
                    statement.setString(1, tokenHash);
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        Timestamp used = rs.getTimestamp("used_at");
                        return Optional.of(new PasswordReset(
                                rs.getString("token_hash"),
                                new AccountId(rs.getObject("account_id", UUID.class)),
                                rs.getTimestamp("requested_at").toInstant(),
                                rs.getTimestamp("expires_at").toInstant(),
                                used == null ? null : used.toInstant()));
                    }
                });
    }

    @Override
    public int requestedSince(AccountId account, Instant since) {
        return jdbc.prepareStatement(
                "select count(*) from password_reset where account_id = ? and requested_at >= ?", statement -> {
                    statement.setObject(1, account.value());
                    statement.setTimestamp(2, Timestamp.from(since));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    @Override
    public void useAll(AccountId account, Instant now) {
        jdbc.prepareStatement(
                "update password_reset set used_at = ? where account_id = ? and used_at is null", statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setObject(2, account.value());
                    return statement.executeUpdate();
                });
    }
}
