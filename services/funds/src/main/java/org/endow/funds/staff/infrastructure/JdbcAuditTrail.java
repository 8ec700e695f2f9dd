package org.endow.funds.staff.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import org.endow.funds.staff.model.AuditTrail;

@Singleton
class JdbcAuditTrail implements AuditTrail {

    private final JdbcOperations jdbc;

    JdbcAuditTrail(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String actor, String action, String target, String details, Instant at) {
        jdbc.prepareStatement(
                "insert into audit_log (actor, action, target, details, at) values (?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, actor);
                    statement.setString(2, action);
                    statement.setString(3, target);
                    statement.setString(4, details);
                    statement.setTimestamp(5, Timestamp.from(at));
                    return statement.executeUpdate();
                });
    }

    @Override
    public java.util.List<Entry> latest(int limit) {
        return jdbc.prepareStatement(
                "select actor, action, target, details, at from audit_log order by id desc limit ?", statement -> {
                    statement.setInt(1, limit);
                    java.util.List<Entry> entries = new java.util.ArrayList<>();
                    try (java.sql.ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            entries.add(new Entry(
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
