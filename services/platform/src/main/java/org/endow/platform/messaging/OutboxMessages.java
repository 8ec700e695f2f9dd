package org.endow.platform.messaging;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL over the {@code outbox_message} table; runs in the caller's transaction. */
@Singleton
class OutboxMessages {

    private final JdbcOperations jdbc;

    OutboxMessages(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID eventId, String topic, String key, String type, int version, String envelope) {
        jdbc.prepareStatement(
                "insert into outbox_message (event_id, topic, message_key, event_type, event_version, envelope)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb))",
                statement -> {
                    statement.setObject(1, eventId);
                    statement.setString(2, topic);
                    statement.setString(3, key);
                    statement.setString(4, type);
                    statement.setInt(5, version);
                    statement.setString(6, envelope);
                    return statement.executeUpdate();
                });
    }

    /**
     * Only one relay per database publishes at a time, so that the order of a key's events is the
     * order of their rows even with several replicas of a service. The lock ends with the
     * transaction.
     */
    boolean tryLeadership() {
        return jdbc.prepareStatement("select pg_try_advisory_xact_lock(hashtext('endow.outbox.relay'))", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    List<PendingMessage> nextUnsent(int limit) {
        return jdbc.prepareStatement(
                "select id, event_id, topic, message_key, event_type, event_version, envelope::text"
                        + " from outbox_message where sent_at is null order by id limit ?",
                statement -> {
                    statement.setInt(1, limit);
                    List<PendingMessage> pending = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            pending.add(new PendingMessage(
                                    rs.getLong(1),
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    rs.getString(7)));
                        }
                    }
                    return pending;
                });
    }

    void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "update outbox_message set sent_at = now(), attempts = attempts + 1 where id = any(?)", statement -> {
                    Array array = statement.getConnection().createArrayOf("bigint", ids.toArray());
                    statement.setArray(1, array);
                    return statement.executeUpdate();
                });
    }

    void markFailed(long id, String error) {
        jdbc.prepareStatement(
                "update outbox_message set attempts = attempts + 1, last_error = ? where id = ?", statement -> {
                    statement.setString(1, error);
                    statement.setLong(2, id);
                    return statement.executeUpdate();
                });
    }

    long countUnsent() {
        return jdbc.prepareStatement("select count(*) from outbox_message where sent_at is null", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    record PendingMessage(long id, UUID eventId, String topic, String key, String type, int version, String envelope) {}
}
