package org.endow.platform.operations;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the messaging tables small: sent outbox rows are deleted after {@code outbox-retention} (they are only a
 * record once the broker has them), inbox rows after {@code inbox-retention}, which must stay longer than any
 * redelivery can come (the topics' retention, 7 days by default). Dead letters, mail and audit entries are kept.
 * Deletes run in batches so that no long lock is held.
 */
@Singleton
@Requires(property = "endow.messaging.service")
@Requires(property = "endow.housekeeping.enabled", notEquals = "false")
public class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final int BATCH = 5_000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final HousekeepingProperties properties;
    private final Clock clock;

    Housekeeping(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            HousekeepingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Retention of the messaging tables: {@code endow.housekeeping.*}. */
    @ConfigurationProperties("endow.housekeeping")
    public record HousekeepingProperties(
            @Bindable(defaultValue = "7d") Duration outboxRetention,
            @Bindable(defaultValue = "30d") Duration inboxRetention) {}

    @Scheduled(
            fixedDelay = "${endow.housekeeping.interval:1h}",
            initialDelay = "${endow.housekeeping.initial-delay:5m}")
    public void run() {
        try {
            long outbox = prune(
                    "delete from outbox_message where id in (select id from outbox_message"
                            + " where sent_at is not null and sent_at < ? limit " + BATCH + ")",
                    properties.outboxRetention());
            long inbox = prune(
                    "delete from inbox_message where ctid in (select ctid from inbox_message"
                            + " where processed_at < ? limit " + BATCH + ")",
                    properties.inboxRetention());
            if (outbox + inbox > 0) {
                LOG.info("Housekeeping removed {} sent outbox rows and {} inbox rows", outbox, inbox);
            }
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed, will retry: {}", e.toString());
        }
    }

    /** Deletes in batches until none is left; returns how many rows went. */
    long prune(String sql, Duration retention) {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        long total = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
                statement.setTimestamp(1, before);
                return statement.executeUpdate();
            }));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
