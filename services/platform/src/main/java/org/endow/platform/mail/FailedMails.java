package org.endow.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.endow.platform.audit.AuditRecords;
import org.endow.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails the relay gave up on ({@code failed_at} set: the server refused them {@code endow.mail.max-attempts}
 * times), which nobody was told of otherwise: staff list them, and an ADMIN queues one, or all, again once the cause is
 * fixed (audited). The relay's log says every hour how many there are, the {@code mail} health indicator always.
 */
@Singleton
@Requires(condition = MailOutboxEnabled.class)
public class FailedMails {

    private static final Logger LOG = LoggerFactory.getLogger(FailedMails.class);

    private final JdbcOperations jdbc;
    private final AuditRecords audit;
    private final Clock clock;

    FailedMails(JdbcOperations jdbc, AuditRecords audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A mail given up on, as staff see it (without its body and attachments). */
    @io.micronaut.serde.annotation.Serdeable
    public record FailedMail(
            long id,
            String recipient,
            String subject,
            Instant createdAt,
            int attempts,
            @Nullable String lastError,
            Instant failedAt) {}

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.prepareStatement(
                "select count(*) from mail_outbox where failed_at is not null and sent_at is null", statement -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /** The latest failed mails first. */
    @Transactional(readOnly = true)
    public List<FailedMail> list(int limit) {
        return jdbc.prepareStatement(
                "select id, recipient, subject, created_at, attempts, last_error, failed_at from mail_outbox"
                        + " where failed_at is not null and sent_at is null order by id desc limit ?",
                statement -> {
                    statement.setInt(1, Math.max(1, Math.min(limit, 500)));
                    List<FailedMail> mails = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            mails.add(map(rs));
                        }
                    }
                    return mails;
                });
    }

    /**
     * Queues a failed mail again, due now with its attempts counted from zero; audited.
     *
     * @throws ProblemException 404 unknown, 409 not failed (queued or sent)
     */
    @Transactional
    public FailedMail requeue(long id, String actor) {
        FailedMail mail = jdbc.prepareStatement(
                "select id, recipient, subject, created_at, attempts, last_error, failed_at, sent_at from mail_outbox"
                        + " where id = ? for update",
                statement -> {
                    statement.setLong(1, id);
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            throw ProblemException.notFound("No mail " + id);
                        }
                        if (rs.getTimestamp("failed_at") == null || rs.getTimestamp("sent_at") != null) {
                            throw ProblemException.conflict("Mail " + id + " has not failed: it is "
                                    + (rs.getTimestamp("sent_at") != null ? "sent" : "queued"));
                        }
                        return map(rs);
                    }
                });
        jdbc.prepareStatement(REQUEUE + " where id = ?", statement -> {
            statement.setLong(1, id);
            return statement.executeUpdate();
        });
        audit.record(
                actor,
                "mail.requeued",
                "mail/" + id,
                "to " + mail.recipient() + ", '" + mail.subject() + "', failed " + mail.failedAt() + ": "
                        + mail.lastError(),
                clock.instant());
        return mail;
    }

    /** Queues every failed mail again (after an outage or a wrong setting that failed them all); audited. */
    @Transactional
    public int requeueAll(String actor) {
        int requeued = jdbc.prepareStatement(
                REQUEUE + " where failed_at is not null and sent_at is null", statement -> statement.executeUpdate());
        if (requeued > 0) {
            audit.record(actor, "mail.requeued-all", "mail", requeued + " failed mails queued again", clock.instant());
        }
        return requeued;
    }

    private static final String REQUEUE =
            "update mail_outbox set failed_at = null, attempts = 0, next_attempt_at = now(), last_error = null";

    /** Says every hour (by default) how many mails were given up on, until staff handle them. */
    @Scheduled(
            fixedDelay = "${endow.mail.failed-report-interval:1h}",
            initialDelay = "${endow.mail.failed-report-initial-delay:1m}")
    @Transactional(readOnly = true) // count() called from here is not intercepted: the connection comes from here
    void report() {
        try {
            long failed = count();
            if (failed > 0) {
                LOG.warn(
                        "{} mails were given up on and never sent; staff list them at GET"
                                + " /api/<route>/operations/failed-mails, an ADMIN queues them again with POST"
                                + " .../failed-mails/requeue",
                        failed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot count failed mails: {}", e.toString());
        }
    }

    private static FailedMail map(ResultSet rs) throws SQLException {
        Timestamp failed = rs.getTimestamp("failed_at");
        return new FailedMail(
                rs.getLong("id"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                failed.toInstant());
    }
}
