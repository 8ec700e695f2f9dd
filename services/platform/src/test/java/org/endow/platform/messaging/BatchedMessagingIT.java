package org.endow.platform.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.util.Map;
import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every scenario of {@link MessagingIT} again with the inbox applying up to 50 polled events per transaction
 * ({@code endow.messaging.consumer-batch-size}): duplicates inside one batch, a failing handler (the batch rolls back
 * and its events go one by one, to the dead letters), replay and housekeeping behave the same.
 */
public class BatchedMessagingIT extends MessagingIT {

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Map<String, Object> properties = properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("endow.messaging.consumer-batch-size", 50);
        context = ApplicationContext.run(properties);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionOperations.class);
        jdbc = context.getBean(JdbcOperations.class);
    }
}
