package org.endow.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.endow.devstack.TestInfra;

/**
 * A consumer whose polls are timed in milliseconds, so that a scenario about {@code max.poll.interval.ms} runs in
 * seconds ({@link PollBudgetIT}, {@link HandlerTimeoutIT}): a 300 ms poll budget, 10 ms back-off, a 1 s wait for dead
 * letters, stalls of 200 ms at most, and the interval the test names; the recording handler is off, the test turns on
 * its own.
 */
final class ShortPolls implements AutoCloseable {

    final Map<String, Object> properties;
    final ApplicationContext context;
    final TransactionOperations<Connection> transactions;
    final JdbcOperations jdbc;

    private ShortPolls(Map<String, Object> properties) {
        this.properties = properties;
        this.context = ApplicationContext.run(properties);
        @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        this.transactions = transactions;
        this.jdbc = context.getBean(JdbcOperations.class);
    }

    /** The settings of such a consumer, to which the test adds its handler and its own before {@link #start}. */
    static Map<String, Object> properties(String maxPollInterval) {
        Map<String, Object> properties =
                MessagingScenarios.properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("test.recording-handler", false);
        properties.put("endow.messaging.handler-backoff", "10ms");
        properties.put("endow.messaging.consumer-poll-budget", "300ms");
        properties.put("endow.messaging.consumer-dead-letter-wait", "1s");
        properties.put("endow.messaging.consumer-max-stall", "200ms");
        properties.put("endow.messaging.consumer-max-poll-interval", maxPollInterval);
        return properties;
    }

    /** Starts the service's context and waits until it consumes. */
    static ShortPolls start(Map<String, Object> properties) {
        ShortPolls started = new ShortPolls(properties);
        started.context.getBean(MessagingStartup.class).awaitReady();
        return started;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    long count(String sql) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** A connection of its own to the service's database, outside the service's pool and transactions. */
    Connection otherConnection() throws SQLException {
        return DriverManager.getConnection(
                (String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"));
    }

    void assertKeptItsPartitions() {
        assertEquals(
                0,
                bean(InboxConsumer.class).partitionsTakenAway(),
                "the consumer was put out of its group: a poll took longer than max.poll.interval.ms");
    }

    @Override
    public void close() {
        context.close();
    }
}
