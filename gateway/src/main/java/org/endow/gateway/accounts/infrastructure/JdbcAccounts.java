package org.endow.gateway.accounts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.gateway.accounts.model.Accounts;
import org.endow.gateway.accounts.model.Email;
import org.endow.gateway.accounts.model.Role;

@Singleton
class JdbcAccounts implements Accounts {

    private static final String COLUMNS =
            "id, email, display_name, password_hash, roles, created_at, failed_sign_ins, locked_until, last_sign_in_at,"
                    + " session_generation, sessions_ended_at";

    private final JdbcOperations jdbc;

    JdbcAccounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Account account) {
        return jdbc.prepareStatement(
                        "insert into account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (email) do nothing",
                        statement -> {
                            statement.setObject(1, account.id().value());
                            statement.setString(2, account.email().value());
                            statement.setString(3, account.displayName());
                            statement.setString(4, account.passwordHash());
                            statement.setArray(5, roles(statement, account.roles()));
                            statement.setTimestamp(6, Timestamp.from(account.createdAt()));
                            statement.setInt(7, account.failedSignIns());
                            statement.setTimestamp(8, timestamp(account.lockedUntil()));
                            statement.setTimestamp(9, timestamp(account.lastSignInAt()));
                            statement.setInt(10, account.sessionGeneration());
                            statement.setTimestamp(11, timestamp(account.sessionsEndedAt()));
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public void update(Account account) {
        jdbc.prepareStatement(
                "update account set display_name = ?, password_hash = ?, roles = ?, failed_sign_ins = ?,"
                        + " locked_until = ?, last_sign_in_at = ?, session_generation = ?, sessions_ended_at = ?"
                        + " where id = ?",
                statement -> {
                    statement.setString(1, account.displayName());
                    statement.setString(2, account.passwordHash());
                    statement.setArray(3, roles(statement, account.roles()));
                    statement.setInt(4, account.failedSignIns());
                    statement.setTimestamp(5, timestamp(account.lockedUntil()));
                    statement.setTimestamp(6, timestamp(account.lastSignInAt()));
                    statement.setInt(7, account.sessionGeneration());
                    statement.setTimestamp(8, timestamp(account.sessionsEndedAt()));
                    statement.setObject(9, account.id().value());
                    return statement.executeUpdate();
                });
    }

    @Override
    public void recordSignIn(Account account) {
        jdbc.prepareStatement(
                "update account set failed_sign_ins = ?, locked_until = ?, last_sign_in_at = ? where id = ?",
                statement -> {
                    statement.setInt(1, account.failedSignIns());
                    statement.setTimestamp(2, timestamp(account.lockedUntil()));
                    statement.setTimestamp(3, timestamp(account.lastSignInAt()));
                    statement.setObject(4, account.id().value());
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return one("select " + COLUMNS + " from account where id = ?", id.value());
    }

    @Override
    public Optional<Account> findForUpdate(AccountId id) {
        return one("select " + COLUMNS + " from account where id = ? for update", id.value());
    }

    @Override
    public Optional<Account> findByEmail(Email email) {
        return one("select " + COLUMNS + " from account where email = ?", email.value());
    }

    @Override
    public boolean anyWithRole(Role role) {
        return jdbc.prepareStatement("select exists (select 1 from account where ? = any(roles))", statement -> {
            statement.setString(1, role.name());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private Optional<Account> one(String sql, Object parameter) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private static Account map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) rs.getArray("roles").getArray())
                .map(Role::parse)
                .flatMap(Optional::stream)
                .forEach(roles::add);
        return new Account(
                new AccountId(rs.getObject("id", UUID.class)),
                new Email(rs.getString("email")),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                roles,
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("failed_sign_ins"),
                instant(rs.getTimestamp("locked_until")),
                instant(rs.getTimestamp("last_sign_in_at")),
                rs.getInt("session_generation"),
                instant(rs.getTimestamp("sessions_ended_at")));
    }

    private static Array roles(PreparedStatement statement, Set<Role> roles) throws SQLException {
        return statement
                .getConnection()
                .createArrayOf("text", roles.stream().map(Enum::name).sorted().toArray());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
