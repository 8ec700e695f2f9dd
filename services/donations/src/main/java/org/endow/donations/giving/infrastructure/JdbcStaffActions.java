package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import org.endow.donations.giving.model.StaffActions;

@Singleton
class JdbcStaffActions implements StaffActions {

    private final JdbcOperations jdbc;

    JdbcStaffActions(JdbcOperations jdbc) {
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
}
