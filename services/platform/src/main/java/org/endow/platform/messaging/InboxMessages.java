package org.endow.platform.messaging;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** SQL over {@code inbox_message} and {@code dead_letter}; runs in the caller's transaction. */
@Singleton
class InboxMessages {

    private final JdbcOperations jdbc;

    InboxMessages(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Bounds every statement of the caller's transaction from here on, until it ends: one running longer than {@code
     * statementTimeout}, or waiting longer than {@code lockTimeout} for a lock, is cancelled (SQLSTATE 57014 or 55P03,
     * {@link Transience#isCancelledInTime}) and the transaction can only roll back. Set with {@code set_config(...,
     * true)}, i.e. {@code SET LOCAL}: the pooled connection goes back without them.
     */
    void limitStatements(java.time.Duration statementTimeout, java.time.Duration lockTimeout) {
        jdbc.prepareStatement(
                "select set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)", statement -> {
                    // at least 1 ms: PostgreSQL reads 0 as no limit at all
                    statement.setString(1, Math.max(1, statementTimeout.toMillis()) + "ms");
                    statement.setString(2, Math.max(1, lockTimeout.toMillis()) + "ms");
                    try (java.sql.ResultSet rs = statement.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /** @return true when the event is new to this consumer, false when it was already applied */
    boolean record(String consumer, UUID eventId, String type, String topic, int partition, long offset) {
        return jdbc.prepareStatement(
                        "insert into inbox_message (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict (consumer, event_id) do nothing",
                        statement -> {
                            statement.setString(1, consumer);
                            statement.setObject(2, eventId);
                            statement.setString(3, type);
                            statement.setString(4, topic);
                            statement.setInt(5, partition);
                            statement.setLong(6, offset);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** One inbox row to insert. */
    record Row(String consumer, UUID eventId, String type, String topic, int partition, long offset) {}

    /**
     * Inserts the rows in one JDBC batch (one round trip); @return for each row whether it was new (false: that
     * consumer had applied that event already, or an earlier row of the same batch was the same).
     */
    boolean[] recordAll(java.util.List<Row> rows) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = jdbc.prepareStatement(
                "insert into inbox_message (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (consumer, event_id) do nothing",
                statement -> {
                    for (Row row : rows) {
                        statement.setString(1, row.consumer());
                        statement.setObject(2, row.eventId());
                        statement.setString(3, row.type());
                        statement.setString(4, row.topic());
                        statement.setInt(5, row.partition());
                        statement.setLong(6, row.offset());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
        boolean[] fresh = new boolean[rows.size()];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not say which inbox rows were new");
            }
            fresh[i] = counts[i] == 1;
        }
        return fresh;
    }

    /** Inserts the rows in one JDBC batch. */
    void deadLetterAll(java.util.List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "insert into dead_letter (consumer, topic, kafka_partition, kafka_offset, message_key, event_id,"
                        + " event_type, payload, payload_bytes, error, attempts)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    for (DeadLetter letter : letters) {
                        statement.setString(1, letter.consumer());
                        statement.setString(2, letter.topic());
                        statement.setInt(3, letter.partition());
                        statement.setLong(4, letter.offset());
                        statement.setString(5, withoutNul(letter.key()));
                        statement.setObject(6, letter.eventId());
                        statement.setString(7, withoutNul(letter.eventType()));
                        statement.setString(8, asText(letter.payload()));
                        statement.setBytes(9, letter.payload());
                        statement.setString(10, withoutNul(letter.error()));
                        statement.setInt(11, letter.attempts());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    /**
     * The payload as text for reading and searching, when it is text PostgreSQL can store: valid UTF-8 without NUL;
     * null otherwise (the bytes are kept as they are in {@code payload_bytes}).
     */
    static String asText(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A text column refuses NUL (SQLSTATE 22021): a key, type or error read from a record could hold one. */
    private static String withoutNul(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    /** @param payload the record's value as it came, any bytes */
    record DeadLetter(
            String consumer,
            String topic,
            int partition,
            long offset,
            String key,
            UUID eventId,
            String eventType,
            byte[] payload,
            String error,
            int attempts) {}
}
