package org.endow.platform.messaging;

import org.endow.devstack.TestInfra;
import org.junit.jupiter.api.BeforeAll;

/** The messaging scenarios with the inbox applying one event per database transaction, the default. */
public class MessagingIT extends MessagingScenarios {

    @BeforeAll
    static void start() {
        startWith(properties(TestInfra.get().kafkaBootstrapServers()));
    }
}
