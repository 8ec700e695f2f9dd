package org.endow.gateway.accounts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.endow.gateway.accounts.model.AuditEntry;
import org.endow.gateway.accounts.model.AuditLog;

@Singleton
class JdbcAuditLog implements AuditLog {

    private final JdbcOperations jdbc;

    JdbcAuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.prepareStatement(
                "insert into audit_log (actor, action, target, details, at) values (?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, entry.actor());
                    statement.setString(2, entry.action());
                    statement.setString(3, entry.target());
                    statement.setString(4, entry.details());
                    statement.setTimestamp(5, Timestamp.from(entry.at()));
                    return statement.executeUpdate();
                });
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return jdbc.prepareStatement(
                "select actor, action, target, details, at from audit_log order by id desc limit ?", statement -> {
                    statement.setInt(1, limit);
                    List<AuditEntry> entries = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            entries.add(new AuditEntry(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()));
                        }
                    }
                    return entries;
                });
    }
}
