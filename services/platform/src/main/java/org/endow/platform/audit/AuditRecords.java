package org.endow.platform.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one writer and reader of a service's {@code audit_log} table (actor, action, target, details,
 * at), for every staff decision. Each service keeps the table in its own database; its own audit port
 * delegates here. Runs in the caller's transaction, so a decision and its audit entry commit together.
 */
@Singleton
public class AuditRecords implements Audit {

    private final JdbcOperations jdbc;

    AuditRecords(JdbcOperations jdbc) {
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
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.prepareStatement(
                "select actor, action, target, details, at from audit_log order by id desc limit ?", statement -> {
                    statement.setInt(1, limit);
                    List<Entry> entries = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
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
