package org.endow.platform.operations;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.endow.platform.audit.AuditRecords;
import org.endow.platform.messaging.Headers;
import org.endow.platform.messaging.KafkaClients;
import org.endow.platform.problem.ProblemException;

/**
 * The events a consumer of this service gave up on, and sending one back to its topic once the cause is fixed. The
 * record sent back names the consumer it is for (header {@link Headers#REPLAY_FOR}): that consumer applies it now
 * (through its inbox, as any event); every other consumer of the topic, in this service or another, passes over it
 * without applying it, without an inbox row and without a dead letter. Their inbox alone would not do: its row for an
 * event they applied long ago may have been deleted by housekeeping, and they would apply it a second time.
 */
@Singleton
@Requires(property = "endow.messaging.service")
public class DeadLetters implements AutoCloseable {

    private final JdbcOperations jdbc;
    private final KafkaClients kafka;
    private final AuditRecords audit;
    private final Clock clock;
    private volatile Producer<String, byte[]> producer;

    DeadLetters(JdbcOperations jdbc, KafkaClients kafka, AuditRecords audit, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One dead letter as staff see it: {@code payload} is the record's value when it is text (UTF-8 without NUL),
     * {@code payloadBase64} its bytes otherwise (Avro, a truncated or foreign record).
     */
    @io.micronaut.serde.annotation.Serdeable
    public record Letter(
            long id,
            String consumer,
            String topic,
            int partition,
            long offset,
            @Nullable String key,
            @Nullable UUID eventId,
            @Nullable String eventType,
            @Nullable String payload,
            @Nullable String payloadBase64,
            String error,
            int attempts,
            Instant createdAt,
            @Nullable Instant replayedAt,
            @Nullable String replayedBy) {}

    @Transactional(readOnly = true)
    public List<Letter> list(boolean includeReplayed, int limit) {
        return jdbc.prepareStatement(
                "select * from dead_letter" + (includeReplayed ? "" : " where replayed_at is null")
                        + " order by id desc limit ?",
                statement -> {
                    statement.setInt(1, Math.max(1, Math.min(limit, 500)));
                    List<Letter> letters = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            letters.add(map(rs));
                        }
                    }
                    return letters;
                });
    }

    @Transactional(readOnly = true)
    public Optional<Letter> find(long id) {
        return jdbc.prepareStatement("select * from dead_letter where id = ?", statement -> {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Sends the dead letter's record back to its topic (same key, same bytes, for the dead letter's consumer only:
     * header {@link Headers#REPLAY_FOR}), waits for the broker's acknowledgement, then marks it replayed and audits who
     * did it.
     *
     * @throws ProblemException 404 unknown, 409 already replayed or nothing to replay, 503 broker unreachable
     */
    @Transactional
    public Letter replay(long id, String actor) {
        Letter letter = jdbc.prepareStatement("select * from dead_letter where id = ? for update", statement -> {
                    statement.setLong(1, id);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.<Letter>empty();
                    }
                })
                .orElseThrow(() -> ProblemException.notFound("No dead letter " + id));
        if (letter.replayedAt() != null) {
            throw ProblemException.conflict("Dead letter " + id + " was already replayed at " + letter.replayedAt()
                    + " by " + letter.replayedBy());
        }
        byte[] payload = payloadOf(id);
        if (payload == null) {
            throw ProblemException.conflict("Dead letter " + id + " has no payload to replay");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.topic(), letter.key(), payload);
        record.headers().add(Headers.REPLAY_FOR, letter.consumer().getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(
                    io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "Broker unavailable",
                    "The record could not be sent back to " + letter.topic() + "; nothing changed, retry later",
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying dead letter " + id, e);
        }
        Instant now = clock.instant();
        jdbc.prepareStatement("update dead_letter set replayed_at = ?, replayed_by = ? where id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, actor);
            statement.setLong(3, id);
            return statement.executeUpdate();
        });
        audit.record(
                actor,
                "dead-letter.replayed",
                "dead-letter/" + id,
                letter.consumer() + " " + letter.eventType() + " " + letter.eventId() + " -> " + letter.topic(),
                now);
        return find(id).orElseThrow();
    }

    /** The record's bytes as they came; a row written before they were kept has its text only. */
    private byte[] payloadOf(long id) {
        return jdbc.prepareStatement("select payload_bytes, payload from dead_letter where id = ?", statement -> {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                byte[] bytes = rs.getBytes(1);
                String text = rs.getString(2);
                return bytes != null ? bytes : text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            }
        });
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = kafka.producer("dead-letter-replay");
                }
                current = producer;
            }
        }
        return current;
    }

    private static Letter map(ResultSet rs) throws SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        return new Letter(
                rs.getLong("id"),
                rs.getString("consumer"),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"),
                rs.getString("message_key"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("payload"),
                base64UnlessText(rs.getString("payload"), rs.getBytes("payload_bytes")),
                rs.getString("error"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                replayed == null ? null : replayed.toInstant(),
                rs.getString("replayed_by"));
    }

    private static String base64UnlessText(String text, byte[] bytes) {
        return text != null || bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
