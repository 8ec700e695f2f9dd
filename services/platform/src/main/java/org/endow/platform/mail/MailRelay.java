package org.endow.platform.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued mail. Rows are claimed with {@code for update skip locked}, so replicas of a service share the work
 * without sending a mail twice; a mail is marked sent in the same transaction that claimed it.
 *
 * <p>Two kinds of failure end a round. The server refusing one mail (an unknown recipient, a message it will not take)
 * postpones that mail with a doubling back-off; after {@code maxAttempts} the mail is marked failed and stays in the
 * table for staff ({@link FailedMails}). A server that cannot take any mail (unreachable, silent, refusing our login:
 * {@link SmtpTransport.Unavailable}) is no mail's fault: the relay pauses, from {@code retryBackoff} doubling up to
 * {@code unreachableMaxBackoff}, and counts no attempt against the waiting mails, however long it lasts.
 */
@Singleton
@Requires(condition = MailOutboxEnabled.class)
@Requires(property = "endow.mail.relay-enabled", notEquals = "false")
class MailRelay {

    private static final Logger LOG = LoggerFactory.getLogger(MailRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final SmtpTransport smtp;
    private final MailProperties properties;

    /** Since when and why the server cannot take mail, and when to try again; null while it takes mail. */
    private volatile Outage outage;

    MailRelay(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            SmtpTransport smtp,
            MailProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.smtp = smtp;
        this.properties = properties;
    }

    /** The mail due now, oldest first (index {@code mail_outbox_unsent}: only unsent rows, in this order). */
    static final String DUE = "select id, recipient, subject, body, created_at, attempts from mail_outbox"
            + " where sent_at is null and failed_at is null and next_attempt_at <= now()"
            + " order by id limit ? for update skip locked";

    @Scheduled(fixedDelay = "${endow.mail.relay-interval:500ms}", initialDelay = "1s")
    void deliverDue() {
        Outage current = outage;
        if (current != null && Instant.now().isBefore(current.nextTry())) {
            return;
        }
        try {
            Round round;
            do {
                round = transactions.executeWrite(status -> deliverBatch());
            } while (round.sent() == properties.batchSize() && !round.failed());
        } catch (RuntimeException e) {
            LOG.warn("Mail relay round failed, will retry: {}", e.toString());
        }
    }

    /** Sends what is due now; returns how many were sent and whether one failed. */
    Round deliverBatch() {
        List<Queued> due = jdbc.prepareStatement(DUE, statement -> {
            statement.setInt(1, properties.batchSize());
            List<Queued> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Queued(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getInt(6)));
                }
            }
            return rows;
        });
        if (due.isEmpty()) {
            return new Round(0, false);
        }
        Map<Long, List<Mail.Attachment>> attachments = attachments(due);
        List<Long> sent = new ArrayList<>(due.size());
        boolean failed = false;
        SmtpTransport.Unavailable unavailable = null;
        try (SmtpTransport.Delivery delivery = smtp.open()) {
            for (Queued queued : due) {
                Mail mail = new Mail(
                        queued.recipient(),
                        queued.subject(),
                        queued.body(),
                        attachments.getOrDefault(queued.id(), List.of()));
                try {
                    delivery.send(queued.id(), mail, queued.createdAt());
                } catch (SmtpTransport.Unavailable e) {
                    unavailable = e;
                    failed = true;
                    break;
                } catch (MessagingException | RuntimeException e) {
                    postpone(queued, e);
                    failed = true;
                    break;
                }
                sent.add(queued.id());
            }
        }
        // in the transaction that claimed them: a crash before it commits sends them again, with the same Message-ID
        if (!sent.isEmpty()) {
            jdbc.prepareStatement(
                    "update mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null"
                            + " where id = any(?)",
                    statement -> {
                        statement.setArray(
                                1, statement.getConnection().createArrayOf("bigint", sent.toArray(Long[]::new)));
                        return statement.executeUpdate();
                    });
        }
        if (unavailable != null) {
            unreachable(unavailable, due.size() - sent.size());
        } else {
            reachable();
        }
        return new Round(sent.size(), failed);
    }

    /** The server could not take the round's mail: pause the relay, longer each round in a row, up to the maximum. */
    private void unreachable(SmtpTransport.Unavailable failure, int waiting) {
        Outage previous = outage;
        Instant now = Instant.now();
        Duration wait =
                previous == null ? properties.retryBackoff() : previous.pause().multipliedBy(2);
        if (wait.compareTo(properties.unreachableMaxBackoff()) > 0) {
            wait = properties.unreachableMaxBackoff();
        }
        String reason = String.valueOf(failure.getCause());
        outage = new Outage(previous == null ? now : previous.since(), reason, wait, now.plus(wait));
        if (previous == null) {
            LOG.error(
                    "SMTP server {}:{} cannot take mail: {}; {} due mails wait, no attempt counted against them;"
                            + " trying again in {}",
                    properties.smtp().host(),
                    properties.smtp().port(),
                    reason,
                    waiting,
                    wait);
        } else {
            LOG.warn(
                    "SMTP server still cannot take mail (since {}): {}; trying again in {}",
                    previous.since(),
                    reason,
                    wait);
        }
    }

    private void reachable() {
        Outage previous = outage;
        if (previous != null) {
            outage = null;
            LOG.info(
                    "SMTP server takes mail again, after {} s",
                    Duration.between(previous.since(), Instant.now()).toSeconds());
        }
    }

    /** Since when and why the SMTP server cannot take mail, as the last round found it; empty while it can. */
    Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** The SMTP server could not take mail since {@code since}; the relay tries again at {@code nextTry}. */
    record Outage(Instant since, String reason, Duration pause, Instant nextTry) {}

    private void postpone(Queued queued, Exception cause) {
        int attempts = queued.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        Duration wait = backoff(attempts);
        if (giveUp) {
            LOG.error("Mail {} to {} failed {} times, giving up: {}", queued.id(), queued.recipient(), attempts, cause);
        } else {
            LOG.warn(
                    "Mail {} not sent (attempt {}), retrying in {}: {}", queued.id(), attempts, wait, cause.toString());
        }
        jdbc.prepareStatement(
                "update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ?,"
                        + " failed_at = case when ? then now() else null end where id = ?",
                statement -> {
                    statement.setInt(1, attempts);
                    statement.setString(2, String.valueOf(cause));
                    statement.setTimestamp(3, Timestamp.from(Instant.now().plus(wait)));
                    statement.setBoolean(4, giveUp);
                    statement.setLong(5, queued.id());
                    return statement.executeUpdate();
                });
    }

    Duration backoff(int attempts) {
        Duration wait = properties.retryBackoff();
        for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** The attachments of every mail of the round, in one query. */
    private Map<Long, List<Mail.Attachment>> attachments(List<Queued> mails) {
        Long[] ids = mails.stream().map(Queued::id).toArray(Long[]::new);
        return jdbc.prepareStatement(
                "select mail_id, filename, content_type, content from mail_attachment where mail_id = any(?)"
                        + " order by mail_id, position",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
                    Map<Long, List<Mail.Attachment>> attachments = new HashMap<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            attachments
                                    .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                                    .add(new Mail.Attachment(rs.getString(2), rs.getString(3), rs.getBytes(4)));
                        }
                    }
                    return attachments;
                });
    }

    record Round(int sent, boolean failed) {}

    private record Queued(long id, String recipient, String subject, String body, Instant createdAt, int attempts) {}
}
